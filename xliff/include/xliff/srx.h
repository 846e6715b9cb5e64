// srx: a project's segmentation rules, as an SRX file (SRX 2.0, or 1.0)
// states them: rules per language, in order, each a pair of ICU regular
// expressions with "break" or "no break", and maps from language patterns
// to the rules that apply. Okapi, OmegaT and Trados read and write these
// files; medloc reads them to cut sentences where a project wants them cut.
#pragma once

#include "locales/locales.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::xliff {

struct Segmentation {
    struct LanguageRules {
        std::string name;
        std::vector<locales::BreakRule> rules;
    };
    struct LanguageMap {
        std::string pattern;  // an ICU regular expression over the language tag
        std::string rules;    // the name of the language rules it applies
    };
    bool cascade = false;  // every map that matches applies, in order, not just the first
    std::vector<LanguageRules> languages;
    std::vector<LanguageMap> maps;

    // The rules for text in `locale`: those the first map that matches the
    // tag names, or, when the file cascades, those of every map that does,
    // in order. `names` receives the names of the language rules applied.
    std::vector<locales::BreakRule> rules_for(std::string_view locale, std::vector<std::string>* names = nullptr) const;
};

// Throws ReadError (xliff.h) with the place and what is wrong: no SRX
// file, a rule that is not a pair of ICU regular expressions, a map to
// rules the file does not have. The bytes must already be UTF-8.
Segmentation read_srx(std::string_view bytes, std::size_t max_depth = 64);

}  // namespace medloc::xliff
