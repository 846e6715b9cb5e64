// document.cpp - filtering, segmenting, ids, skeleton.
#include "skeleton/document.h"

#include "io/errors.h"
#include "reviews/hash.h"

#include <algorithm>
#include <map>

namespace medloc::pipeline {

DocumentExtractor::DocumentExtractor(const std::string& source_locale)
    : segmenter_(source_locale), words_(source_locale) {}

ExtractedDocument DocumentExtractor::extract(const std::string& file, const std::string& document_id, Format format,
                                             std::string_view bytes) {
    ExtractedDocument document;
    std::vector<ExtractedSegment> extracted;
    try {
        for (const TextUnit& unit : make_filter(format)->extract(bytes))
            for (ExtractedSegment& segment : segmenter_.split(unit, bytes)) extracted.push_back(std::move(segment));
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
    return document;
}

}  // namespace medloc::pipeline
