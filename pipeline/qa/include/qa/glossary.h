// glossary: a project's terminology, read from a TBX file.
//
// TBX v2 (<martif>: termEntry / langSet / tig or ntig) and v3 (<tbx>:
// conceptEntry / langSec / termSec) both say the same thing: a concept, and
// its terms in each language. A term is approved unless its administrative
// status (or normative authorization) says deprecated, superseded, obsolete
// or forbidden; a term whose translation note (or "Translation needed"
// descrip, as Weblate writes it) says "no" is not to be translated.
#pragma once

#include "qa/qa.h"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::qa {

// A file that is no glossary medloc can use: where (1-based; 0 when it is
// about the whole file) and what is wrong.
class GlossaryError : public std::runtime_error {
public:
    GlossaryError(std::size_t line, std::size_t column, const std::string& what)
        : std::runtime_error(what), line(line), column(column) {}
    std::size_t line;
    std::size_t column;
};

class Glossary {
public:
    // Throws GlossaryError for malformed XML, a file that is not TBX, a
    // language section without a language, an empty term, or no term at all.
    static Glossary read_tbx(std::string_view text);

    std::size_t concepts() const { return concepts_.size(); }
    std::size_t term_count() const;

    // What the checks need to translate `source_locale` into `target_locale`:
    // each concept's terms in the two languages (the closest variety of
    // each: "es-US" over "es" over "es-ES").
    std::vector<Term> terms(std::string_view source_locale, std::string_view target_locale) const;

private:
    struct Entry {
        std::string language;  // as the file tags it
        std::string text;
        Term::Kind kind = Term::Kind::approved;
    };
    struct Concept {
        std::vector<Entry> entries;
    };
    std::vector<Concept> concepts_;
};

}  // namespace medloc::qa
