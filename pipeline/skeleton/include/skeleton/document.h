// document: one source document from bytes to segments with ids and a
// skeleton, ready to be stored.
//
// Segment ids are content addresses: the first 16 hex digits of
// SHA-256(document id, source markup, occurrence of that markup so far in the
// document). A sentence keeps its id while its text is unchanged, wherever it
// moves in the document; an edited sentence gets a new id.
#pragma once

#include "extract/filter.h"
#include "extract/segmenter.h"
#include "locales/locales.h"
#include "skeleton/skeleton.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::pipeline {

struct DocumentSegment {
    std::string id;
    std::string markup;  // source content in stored form
    std::string plain;
    std::size_t words = 0;
    ExtractedSegment extracted;
};

struct ExtractedDocument {
    std::vector<DocumentSegment> segments;
    Skeleton skeleton;
};

class DocumentExtractor {
public:
    // `rules`: the project's segmentation rules for the source language
    // (locales::SentenceBreaker), none for medloc's own.
    explicit DocumentExtractor(const std::string& source_locale, const std::vector<locales::BreakRule>& rules = {});

    // Throws InputError when the document cannot be taken apart faithfully:
    // its skeleton, every target its source, must give back its very bytes.
    ExtractedDocument extract(const std::string& file, const std::string& document_id, Format format,
                              std::string_view bytes);

private:
    static void check_rebuilds(const std::string& file, std::string_view bytes, const ExtractedDocument& document);

    Segmenter segmenter_;
    locales::WordCounter words_;
};

}  // namespace medloc::pipeline
