// fuzz_document: one source format on any bytes, as extract takes it: the
// checks before parsing, the filter, the segmenter, the skeleton; then the
// skeleton rebuilt twice. With every target the source, the document must
// come back byte for byte (nothing is silently changed); with every target
// pseudo-translated, the rebuild must not fail. Included by one small file
// per format.
#include "extract/source.h"
#include "io/errors.h"
#include "skeleton/document.h"
#include "xliff/xliff.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string_view>

namespace medloc::fuzz {

inline int extract_and_rebuild(const std::uint8_t* data, std::size_t size, pipeline::Format format) {
    using namespace medloc::pipeline;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static DocumentExtractor extractor("en-US");
    ExtractedDocument document;
    try {
        check_text("fuzz", bytes);
        check_nesting("fuzz", bytes, format, 256);
        document = extractor.extract("fuzz", "fuzz", format, bytes);
    } catch (const InputError&) {
        return 0;  // refused, as extract would
    }
    std::map<std::string, xliff::Content> sources, pseudo;
    for (const DocumentSegment& segment : document.segments) {
        sources[segment.id] = segment.extracted.source;
        pseudo[segment.id] = xliff::pseudo_translate(segment.extracted.source);
    }
    const Skeleton skeleton = Skeleton::from_json(document.skeleton.to_json());
    const std::string same = rebuild(skeleton, [&](const std::string& id) {
        const xliff::Content& source = sources.at(id);
        return SegmentText{&source, &source};
    });
    if (same != bytes) {  // the source did not come back as it was
        std::size_t at = 0;
        while (at < same.size() && at < bytes.size() && same[at] == bytes[at]) ++at;
        const std::size_t from = at < 40 ? 0 : at - 40;
        std::fprintf(stderr, "rebuild differs at byte %zu of %zu (rebuilt %zu)\n  source:  %s\n  rebuilt: %s\n", at,
                     bytes.size(), same.size(), std::string(bytes.substr(from, 80)).c_str(),
                     same.substr(from, 80).c_str());
        std::abort();
    }
    rebuild(skeleton, [&](const std::string& id) { return SegmentText{&sources.at(id), &pseudo.at(id)}; });
    return 0;
}

}  // namespace medloc::fuzz
