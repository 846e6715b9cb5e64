// pairs: the translations the clinical checks are measured on, shared by
// medloc_qa_eval (scripts/qa-eval.sh) and the unit tests, so that both read
// them one way.
//
// Real: the corpus's reference translations (translations/: the Spanish TMX
// of amps-children, the Arabic and Japanese asthma plan line by line).
// Hand-written: qa/base-pairs.tsv, correct translations in es, de, fr, ar
// and ja, each with the same translation carrying one injected error of a
// named kind; to those, the mechanical injections are added here: a digit
// changed, the decimal mark swapped, a right-to-left override inserted.
#pragma once

#include "qa/qa.h"

#include <string>
#include <vector>

namespace medloc::test {

struct Pair {
    std::string locale;
    std::string source;
    std::string target;
    std::string where;  // file and line or unit
    bool list_item = false;
    bool keep = false;  // meant to stay as its source (a reference)
};

// A pair with one injected error, and the checks that ought to catch it.
struct Injected {
    Pair pair;
    std::string kind;  // range, unit, conversion, negation, digit, decimal, rlo
    std::vector<qa::Check> caught_by;
};

struct HandWritten {
    std::vector<Pair> correct;
    std::vector<Injected> injected;
};

// `tests` is the tests/ folder. Throws std::runtime_error for a file that
// cannot be read or is not as described.
std::vector<Pair> real_translations(const std::string& tests);
HandWritten hand_written(const std::string& tests);

// What the checks find in a pair (one checker per locale, reused), and the
// errors of it.
std::vector<qa::Finding> findings_of(const Pair& pair);
std::vector<qa::Finding> errors_of(const Pair& pair);

}  // namespace medloc::test
