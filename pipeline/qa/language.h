// language: what the checks know of one language, from data/languages.json
// (compiled in, read once). Private to qa/.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::qa {

struct UnitSpelling {
    std::string text;  // as written after a number
    std::string unit;  // the canonical unit ("mg", "mL", "h")
};

struct Language {
    // Longest first, so that "mg/kg" is not read as "mg" and "ملغ" not as "مل".
    std::vector<UnitSpelling> units;
    // The places in `units` of the spellings that begin with each byte (an
    // ASCII letter in lower case), in order: a number's unit is looked for
    // among a few, not all.
    std::array<std::vector<std::size_t>, 256> units_by_first_byte;
    std::vector<std::string> unit_suffixes;  // endings a unit word may take (Arabic tanween)
    std::vector<std::string> negation;       // whole words, case-folded
    // The places in `negation` of the words that begin with each byte, in
    // order: a text is searched for all of them in one pass.
    std::array<std::vector<std::size_t>, 256> negation_by_first_byte;
    std::vector<std::string> negation_parts;  // anywhere in the text
    std::map<int, std::vector<std::string>> number_words;
    std::vector<std::string> pm;  // after a clock time in the afternoon

    bool knows_negation() const { return !negation.empty() || !negation_parts.empty(); }
};

// The language of a locale ("es" for "es-US"), with the common spellings
// every language shares; a language without data gets only those.
const Language& language_of(std::string_view locale);

}  // namespace medloc::qa
