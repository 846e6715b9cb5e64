// document.cpp - filtering, segmenting, ids, skeleton.
#include "skeleton/document.h"

#include "io/errors.h"
#include "reviews/hash.h"

#include <algorithm>
#include <map>

namespace medloc::pipeline {

DocumentExtractor::DocumentExtractor(const std::string& source_locale, const std::vector<locales::BreakRule>& rules)
    : segmenter_(source_locale, rules), words_(source_locale) {}

ExtractedDocument DocumentExtractor::extract(const std::string& file, const std::string& document_id, Format format,
                                             std::string_view bytes) {
    ExtractedDocument document;
    std::vector<ExtractedSegment> extracted;
    try {
        for (const TextUnit& unit : make_filter(format)->extract(bytes)) try {
                for (ExtractedSegment& segment : segmenter_.split(unit, bytes)) extracted.push_back(std::move(segment));
            } catch (const locales::BreakRuleTimeout& e) {
                const locales::TextPosition at = locales::position_of(bytes, unit.raw().begin);
                throw InputError(file, std::string(e.what()) + " in the paragraph here",
                                 "simplify that rule of the project's segmentation rules and set them again "
                                 "(medloc segmentation set)",
                                 at.line, at.column);
            }
    } catch (const FilterError& e) {
        const locales::TextPosition at = locales::position_of(bytes, e.offset);
        throw InputError(file, e.what(), {}, at.line, at.column);
    }
    std::stable_sort(extracted.begin(), extracted.end(),
                     [](const ExtractedSegment& a, const ExtractedSegment& b) { return a.raw.begin < b.raw.begin; });

    std::map<std::string, int> occurrences;
    std::vector<std::string> ids;
    for (const ExtractedSegment& segment : extracted) {
        DocumentSegment stored;
        stored.markup = segment.source.to_markup();
        stored.plain = segment.source.plain_text();
        stored.words = words_.count(stored.plain);
        const int occurrence = occurrences[stored.markup]++;
        std::string key = document_id;
        key += '\0';
        key += stored.markup;
        key += '\0';
        key += std::to_string(occurrence);
        stored.id = reviews::sha256_hex(key).substr(0, 16);
        ids.push_back(stored.id);
        document.segments.push_back(std::move(stored));
    }
    try {
        document.skeleton = make_skeleton(bytes, format, extracted, ids);
    } catch (const FilterError& e) {
        throw InputError(file, e.what());
    }
    for (std::size_t i = 0; i < extracted.size(); ++i) document.segments[i].extracted = std::move(extracted[i]);
    check_rebuilds(file, bytes, document);
    return document;
}

// Every target its source, the skeleton must give back the very bytes it
// was made from; where it cannot, the document is refused now rather than
// published later with text missing or changed.
void DocumentExtractor::check_rebuilds(const std::string& file, std::string_view bytes,
                                       const ExtractedDocument& document) {
    std::map<std::string_view, const xliff::Content*> sources;
    for (const DocumentSegment& segment : document.segments) sources[segment.id] = &segment.extracted.source;
    const std::string rebuilt = rebuild(document.skeleton, [&](const std::string& id) {
        const auto found = sources.find(id);
        const xliff::Content* source = found == sources.end() ? nullptr : found->second;
        return SegmentText{source, source};
    });
    if (rebuilt == bytes) return;
    std::size_t at = 0;
    while (at < rebuilt.size() && at < bytes.size() && rebuilt[at] == bytes[at]) ++at;
    const locales::TextPosition position = locales::position_of(bytes, at);
    throw InputError(file,
                     "medloc cannot take this document apart so that it is rebuilt exactly as written (from here "
                     "on it would change)",
                     "simplify the markup here and extract again, and report the file to medloc's developers",
                     position.line, position.column);
}

}  // namespace medloc::pipeline
