// qa: the clinical checks of one translation, before anyone signs it.
//
// A reviewer reads for meaning; the machine reads what eyes skip: a dose
// that became ten times larger, a "not" that went missing, a unit that
// changed, an address that no longer reaches anyone, a character that
// reverses what the reader sees. Each finding names its check, how serious
// it is (an error blocks revision, approval and build until a clinician
// waives it; a warning informs), what is wrong in the reviewer's words,
// and the piece of source and target it is about.
//
// What the checks know of each language (unit spellings, negations, small
// numbers spelled out) is in data/languages.json; numbers are read with
// the decimal and grouping marks ICU gives each locale.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::qa {

enum class Check {
    numbers,           // every number of the source, same value
    units,             // each number's unit kept (or converted: to confirm)
    dose_designation,  // ISMP's error-prone ways to write a dose
    negation,          // the source negates, the target does not
    untranslated,      // the target is the source
    empty,             // the target is empty
    addresses,         // URLs, e-mail addresses, phone numbers
    invisible,         // invisible and direction-control characters
    glossary,          // approved and forbidden terms
};
inline constexpr Check kChecks[] = {Check::numbers,   Check::units,        Check::dose_designation,
                                    Check::negation,  Check::untranslated, Check::empty,
                                    Check::addresses, Check::invisible,    Check::glossary};
const char* to_string(Check check);  // "numbers", "dose-designation", ...
std::optional<Check> parse_check(std::string_view text);

enum class Severity { warning, error };
const char* to_string(Severity severity);

// A piece of a text, in bytes of its UTF-8.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool empty() const { return begin == end; }
};

struct Finding {
    Check check = Check::numbers;
    Severity severity = Severity::error;
    std::string message;  // in the reviewer's words
    Span source;          // what of the source it is about (may be empty)
    Span target;          // what of the target it is about (may be empty)
    std::string source_text;
    std::string target_text;

    // What a waiver names: the check and the two pieces of text.
    std::string key() const;
};

// A glossary entry for one pair of languages.
struct Term {
    enum class Kind { approved, forbidden, do_not_translate };
    std::string source;  // the source term
    std::string target;  // the target term (the source term itself when not to be translated)
    Kind kind = Kind::approved;
};

// A segment of a document, as the untranslated check needs to see it.
struct SegmentText {
    std::string_view source;   // plain text
    std::string_view context;  // the heading it stands under
    bool list_item = false;
};

// Which segments of a document (in order) are meant to stay as their source,
// so that a target equal to the source is no finding: a bibliographic
// reference (under a References heading, or in a list with a DOI, a
// journal citation, an author list or an "Accessed" date), or a segment
// with nothing to translate (only numbers and addresses).
std::vector<bool> kept_as_source(const std::vector<SegmentText>& document);

// The checks for one pair of locales ("en-US" -> "es-US"). Building one
// reads the locales' number symbols and the language data once; `check`
// is then cheap and may be called for every segment of a project.
class Checker {
public:
    Checker(std::string_view source_locale, std::string_view target_locale, std::vector<Term> glossary = {});
    ~Checker();
    Checker(const Checker&) = delete;
    Checker& operator=(const Checker&) = delete;

    // The plain texts (inline codes left out) of a source and its target.
    std::vector<Finding> check(std::string_view source, std::string_view target, bool keep_as_source = false) const;

    // Whether the target language has word lists for the negation check.
    bool checks_negation() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// How many of `findings` are errors.
std::size_t error_count(const std::vector<Finding>& findings);

}  // namespace medloc::qa
