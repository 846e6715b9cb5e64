// document.cpp - source checks, filtering, segmenting, ids, skeleton.
#include "pipeline/document.h"

#include "pipeline/errors.h"
#include "reviews/hash.h"

#include <algorithm>
#include <map>

namespace medloc::pipeline {
namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

std::optional<Format> format_of(const std::filesystem::path& path) {
    const std::string extension = lowercase(path.extension().string());
    if (extension == ".txt") return Format::text;
    if (extension == ".md" || extension == ".markdown") return Format::markdown;
    if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return Format::html;
    return std::nullopt;
}

void check_text(const std::string& file, std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
            const locales::TextPosition at = locales::position_of(bytes, i);
            throw InputError(file, "binary content (control byte 0x" + std::string(1, "0123456789abcdef"[byte >> 4]) +
                                       std::string(1, "0123456789abcdef"[byte & 15]) + "), not a text document",
                             "extract only text, Markdown and HTML files", at.line, at.column);
        }
    }
    if (const auto invalid = locales::find_invalid_utf8(bytes)) {
        const locales::TextPosition at = locales::position_of(bytes, *invalid);
        throw InputError(file, "not valid UTF-8 (byte " + std::to_string(*invalid) + ")",
                         "convert the file to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8) and extract it again",
                         at.line, at.column);
    }
}

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
