// analyze: what a locale's pending work is worth, by match band, as
// publishers quote and plan it (the bands Trados and memoQ users know).
//
// Every segment of every document still to be translated in the locale
// (new, or sent back) falls in exactly one band, the first that holds:
//   in context (101%)  an in-context match in the memory
//   100%               an exact match
//   repetitions        the same source text earlier in this job
//   95-99, 85-94, 75-84, 50-74   the best fuzzy match
//   new                nothing useful
// so the bands add up to the pending words. Words are counted as status
// counts them (ICU word breaks).
#pragma once

#include "reviews/store.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace medloc::pipeline {

enum class Band { in_context, exact, repetition, fuzzy_95, fuzzy_85, fuzzy_75, fuzzy_50, new_ };
inline constexpr Band kBands[] = {Band::in_context, Band::exact,    Band::repetition, Band::fuzzy_95,
                                  Band::fuzzy_85,   Band::fuzzy_75, Band::fuzzy_50,   Band::new_};

// "in-context", "100%", "repetitions", "95-99%", ... "new".
const char* to_string(Band band);

struct BandCounts {
    std::array<std::int64_t, std::size(kBands)> segments{};
    std::array<std::int64_t, std::size(kBands)> words{};

    void add(Band band, std::int64_t words_in_segment);
    void add(const BandCounts& other);
    std::int64_t total_words() const;
    std::int64_t total_segments() const;
};

struct DocumentAnalysis {
    std::string document_id;
    BandCounts counts;
};

struct Analysis {
    std::string locale;
    std::vector<DocumentAnalysis> documents;  // those with pending segments, in the project's order
    BandCounts total;
};

// Read-only. Throws UsageError for a locale the project does not translate into.
Analysis analyze(reviews::Store& store, const std::string& locale);

}  // namespace medloc::pipeline
