// locales: what medloc needs to know about languages and text, all from ICU.
//
// Language tags are BCP 47 as ICU canonicalizes them. Text is UTF-8 throughout
// medloc; ICU reads it through UText so that every offset given or returned
// here is a byte offset into the caller's string (no UTF-16 copies to map back).
//
// Sentence segmentation is ICU's sentence break iterator for the source
// locale, with medloc's rules for medical and bibliographic prose
// (sentence_rules.h: abbreviations of the language that never end a
// sentence or do not before a number, times of day, initials), and no break
// before the date of a Vancouver-style citation ("Curr Opin Rheumatol.
// 2014 Sep;26(5):592-603."), where the abbreviated journal title would
// otherwise end a "sentence".
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::locales {

// The canonical BCP 47 form of `tag` ("es-us" -> "es-US"; a POSIX or Java
// locale id "es_US" -> "es-US"), or nothing when the tag is not well-formed
// or names no language.
std::optional<std::string> canonical_tag(std::string_view tag);

// True when text a memory labels `memory_tag` serves a project locale
// `project_tag`: the same locale, or a bare language over any of its
// varieties ("es" for "es-US", "en" for "en-US"); never another region or
// script ("es-ES" is not "es-US"). POSIX ids are read as canonical_tag does.
bool covers(std::string_view memory_tag, std::string_view project_tag);

// Why a well-formed tag names no real locale ("ICU knows no language
// \"xx\""), or "" when its language and region are ones ICU knows.
std::string unknown_locale_problem(std::string_view canonical);

// True when the locale's script is written right to left (ar, he, fa, ...).
bool is_right_to_left(std::string_view tag);

// A place in a text file: 1-based line, 1-based column counted in characters.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

// `bytes` in `encoding` (a name ICU knows: "windows-1252", "UTF-16LE",
// "Shift_JIS"), converted to UTF-8, a byte order mark left out. Nothing when
// ICU knows no such encoding or the bytes are not valid in it; `problem`
// then says which.
std::optional<std::string> to_utf8(std::string_view bytes, const std::string& encoding, std::string& problem);

// Byte offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// True when the text has at least one letter or digit (of any script). A
// text with neither ("—", "•") has nothing to translate; digits alone do
// ("911", a dose of "1.5"): they may be localized, and a change to them must
// be reviewed like any other.
bool has_letters_or_digits(std::string_view utf8);

// `utf8` case-folded with ICU's full case folding ("Straße" -> "strasse",
// "ÁNA" -> "ána"): the one way medloc compares text without regard to case.
std::string fold_case(std::string_view utf8);

// Calendar dates as medloc shows and takes them: "YYYY-MM-DD", Gregorian, UTC.
// The date `text` names, or nothing when it is not a real date ("2026-02-30").
std::optional<std::string> parse_date(std::string_view text);
// `date` (a valid "YYYY-MM-DD") plus `months` calendar months; a day past the
// end of the month becomes its last day (2026-01-31 + 1 month = 2026-02-28).
std::string add_months(std::string_view date, int months);

// A rule of a project's segmentation rules file (SRX 2.0): where `before`
// matches the text up to a place and `after` the text from it, a sentence
// ends there (`breaks`) or does not. Both are ICU regular expressions.
struct BreakRule {
    bool breaks = true;
    std::string before;
    std::string after;
};

// Why the rule is no pair of ICU regular expressions ("U_REGEX_MISSING_CLOSE_BRACKET
// at character 4 of before"), or "" when it is one.
std::string break_rule_problem(const BreakRule& rule);

// Whether the ICU regular expression `pattern` matches the whole of the
// language tag, case aside (an SRX languagemap's languagepattern: "EN.*",
// "es.*"); nothing when it is not a regular expression.
std::optional<bool> language_pattern_matches(std::string_view pattern, std::string_view tag);

// A rule that took too long on a text (a pattern that backtracks without
// end): extraction stops rather than hang.
struct BreakRuleTimeout : std::runtime_error {
    BreakRuleTimeout(std::size_t rule, const std::string& what) : std::runtime_error(what), rule(rule) {}
    std::size_t rule;  // its index in the rules given
};

// Splits text into sentences. Owns its ICU iterator; reuse one for many texts.
//
// With `rules`, every place where one of them matches is decided by the
// first that does, in order: a break or none. Places that no rule matches
// are decided by medloc's own rules for the language, as without any. White
// space between sentences goes with neither, so a rule matching anywhere in
// the space between two sentences decides that break.
class SentenceBreaker {
public:
    explicit SentenceBreaker(const std::string& locale_tag, const std::vector<BreakRule>& rules = {});
    ~SentenceBreaker();
    SentenceBreaker(const SentenceBreaker&) = delete;
    SentenceBreaker& operator=(const SentenceBreaker&) = delete;

    // Byte offsets where a sentence after the first one starts, ascending,
    // each strictly between 0 and utf8.size().
    std::vector<std::size_t> boundaries(std::string_view utf8);

private:
    struct Iterator;
    std::unique_ptr<Iterator> iterator_;
};

// A word of a text, as ICU's word break rules find it.
struct Word {
    std::string text;
    bool number = false;  // "2.5", "1,000", "911"
};

// Counts and lists words the way ICU's word break rules see them: runs of
// letters, numbers, kana or ideographs, so that Japanese and Chinese count
// sensibly; spaces and punctuation are no words.
class WordCounter {
public:
    explicit WordCounter(const std::string& locale_tag);
    ~WordCounter();
    WordCounter(const WordCounter&) = delete;
    WordCounter& operator=(const WordCounter&) = delete;

    std::size_t count(std::string_view utf8);
    std::vector<Word> words(std::string_view utf8);

private:
    struct Iterator;
    std::unique_ptr<Iterator> iterator_;
};

}  // namespace medloc::locales
