// segmenter: from a filter's units to segments, the sentences translators see.
//
// Each unit is split with the source locale's sentence rules (locales), never
// inside a pair of inline codes, so that markup stays balanced in every
// segment. White space and codes at the edges of a sentence (a <br>, or an
// <em> around the whole sentence) go to the skeleton: translators see only
// what they must translate. URLs and e-mail addresses inside a sentence
// become placeholder codes, so they cannot be changed by mistake. Text with
// no letter or digit ("—") stays in the skeleton; numbers alone ("911", a
// dose of "1.5") are segments, so that a change to them is reviewed.
#pragma once

#include "extract/filter.h"
#include "locales/locales.h"
#include "xliff/content.h"

#include <string>
#include <string_view>
#include <vector>

namespace medloc::pipeline {

// Where the source spelled characters of a text run differently from the
// characters themselves: text[offset, offset + length) of run `run` was
// written as the bytes `raw` of the source.
struct Spelling {
    std::size_t run = 0;
    std::size_t offset = 0;
    std::size_t length = 0;
    Range raw;
};

struct ExtractedSegment {
    xliff::Content source;
    UnitKind kind = UnitKind::paragraph;
    std::string context;
    bool unquoted = false;        // an HTML attribute value written without quotes
    Range raw;                    // the source bytes of the whole segment
    std::vector<Range> code_raw;  // per run: a code's bytes (empty for text)
    std::vector<Spelling> spellings;
};

class Segmenter {
public:
    explicit Segmenter(const std::string& source_locale, const std::vector<locales::BreakRule>& rules = {});

    // The segments of one unit, in order. `source` is the whole document.
    std::vector<ExtractedSegment> split(const TextUnit& unit, std::string_view source);

private:
    locales::SentenceBreaker sentences_;
};

}  // namespace medloc::pipeline
