// leverage: what the project's translation memory offers a segment.
//
// The memory (reviews/store.h, MemoryUnit) holds the project's approved
// translations and the units of the TMX files imported. For a segment it
// offers, best first:
//   in context (101%)  the same source text after the same segment, or
//                      before the same segment, in its document
//   exact (100%)       the same source text
//   fuzzy (below)      a similar source: one minus the word-level edit
//                      distance over the longer text's weight, where a
//                      number weighs and costs twice a word (a changed dose
//                      is no small edit), rounded down; a text that differs
//                      only in case or punctuation is 99%
// Fuzzy matches are looked for only where there is no exact one. Their
// candidates come from the memory's full-text index, asked for enough of
// the segment's rarest words that any source within 75% shares at least
// one of them; the memory is never scanned.
//
// Nothing leveraged is approved by leverage: a match pre-fills a target or
// is offered beside it, and only a person's import makes it a translation,
// reviewed and approved as any.
#pragma once

#include "locales/locales.h"
#include "reviews/store.h"
#include "xliff/xliff.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct MemoryMatch {
    xliff::Match::Kind kind = xliff::Match::Kind::fuzzy;
    int quality = 0;  // 101, 100, or the fuzzy percentage
    reviews::MemoryUnit unit;
    // The memory's target with the segment's own inline codes in place of
    // the memory's; nothing when its codes cannot be matched to them.
    std::optional<xliff::Content> target;
};

// The digests of a segment's neighbours (the segments before and after it
// in its document; null at either end), one of which an in-context match
// shares.
std::string context_of(const reviews::StoredSegment* before, const reviews::StoredSegment* after);
// The context of each of a document version's segments, in order.
std::vector<std::string> contexts_of(const std::vector<reviews::TranslatedSegment>& segments);

class Leverage {
public:
    Leverage(reviews::Store& store, std::string locale);

    // Matches of at least `least` percent, best first, at most `most`.
    std::vector<MemoryMatch> matches(const reviews::StoredSegment& segment, const std::string& context,
                                     std::size_t most = 3, int least = 75);

    // How alike two plain texts are, 0 to 100 (see the file comment).
    int similarity(std::string_view a, std::string_view b);

private:
    struct Token {
        std::string folded;
        bool number = false;
    };
    std::vector<Token> tokens(std::string_view text);
    std::vector<std::string> query_words(const std::vector<Token>& words, std::size_t& needed);
    int similarity(const std::vector<Token>& a, const std::vector<Token>& b, bool same_text);

    reviews::Store& store_;
    std::string locale_;
    locales::WordCounter words_;
};

}  // namespace medloc::pipeline
