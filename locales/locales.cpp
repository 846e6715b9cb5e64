// locales.cpp - ICU behind medloc's small locale interface. Every ICU object
// has one owner (unique_ptr or LocalUTextPointer); nothing ICU leaks out.
#include "locales/locales.h"

#include "icu_text.h"
#include "sentence_rules.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <map>
#include <memory>
#include <stdexcept>

namespace medloc::locales {
namespace {

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

// UTF-8 text opened as a UText without copying. The caller's string must
// outlive it.
icu::LocalUTextPointer open_utf8(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    icu::LocalUTextPointer text(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
    check(status, "utext_openUTF8");
    return text;
}

icu::Locale locale_of(const std::string& tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    check(status, "Locale::forLanguageTag");
    return locale;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// The length of an abbreviated month ("Sep") at the start of `text`, or 0.
std::size_t month_at(std::string_view text) {
    return text.size() >= 3 && is_upper(text[0]) && is_lower(text[1]) && is_lower(text[2]) ? 3 : 0;
}

// True when `rest` begins with the date of a Vancouver-style citation: a
// year, then perhaps a month or two and a day, then the volume after ";" or
// the pages after ":": "2014 Sep;26(5)", "2017;51(11)", "2016 Mar;39(3):e41",
// "2013 Oct 15;185(15)", "2019 Jan-Feb;14(1)".
bool starts_with_citation_date(std::string_view rest) {
    if (rest.size() < 5 || !is_digit(rest[0]) || !is_digit(rest[1]) || !is_digit(rest[2]) || !is_digit(rest[3]))
        return false;
    std::size_t i = 4;
    if (i + 1 < rest.size() && rest[i] == ' ' && month_at(rest.substr(i + 1))) {
        i += 4;
        if (i + 1 < rest.size() && rest[i] == '-' && month_at(rest.substr(i + 1))) i += 4;
        if (i + 1 < rest.size() && rest[i] == ' ' && is_digit(rest[i + 1])) {
            i += 2;
            if (i < rest.size() && is_digit(rest[i])) ++i;
        }
    }
    return i < rest.size() && (rest[i] == ';' || rest[i] == ':');
}

}  // namespace

std::optional<std::string> canonical_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > 64) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    int32_t parsed = 0;
    char id[ULOC_FULLNAME_CAPACITY];
    const std::string input(tag);
    uloc_forLanguageTag(input.c_str(), id, sizeof id, &parsed, &status);
    if (U_FAILURE(status) || parsed != static_cast<int32_t>(input.size())) {
        // A POSIX or Java locale id ("es_US", "pt_BR"), as some CAT tools
        // write them: ICU canonicalizes it; anything else is no tag.
        if (input.find('_') == std::string::npos || input.find_first_of("-@.=;") != std::string::npos)
            return std::nullopt;
        status = U_ZERO_ERROR;
        uloc_canonicalize(input.c_str(), id, sizeof id, &status);
        if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return std::nullopt;
    }
    icu::Locale locale(id);
    if (locale.isBogus() || std::string_view(locale.getLanguage()).empty()) return std::nullopt;
    std::string canonical = locale.toLanguageTag<std::string>(status);
    if (U_FAILURE(status) || canonical.empty() || canonical == "und") return std::nullopt;
    return canonical;
}

bool covers(std::string_view memory_tag, std::string_view project_tag) {
    const auto memory = canonical_tag(memory_tag), project = canonical_tag(project_tag);
    if (!memory || !project) return false;
    if (*memory == *project) return true;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale general = icu::Locale::forLanguageTag(*memory, status);
    const icu::Locale specific = icu::Locale::forLanguageTag(*project, status);
    if (U_FAILURE(status)) return false;
    // "es" covers "es-US"; "es-ES" does not cover "es-US", nor "zh-Hant" "zh-Hans".
    return std::string_view(general.getLanguage()) == specific.getLanguage() && !*general.getCountry() &&
           !*general.getScript() && !*general.getVariant();
}

std::string unknown_locale_problem(std::string_view canonical) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(std::string(canonical), status);
    if (U_FAILURE(status) || locale.isBogus()) return "it is not a language tag";
    // ICU gives no ISO 639-2 code for a language it does not know, and no
    // ISO 3166 alpha-3 code for an unknown region.
    if (std::string_view(locale.getISO3Language()).empty())
        return "ICU knows no language \"" + std::string(locale.getLanguage()) + "\"";
    // Regions: ISO 3166 codes ICU knows, UN M.49 areas ("419"), and the
    // private-use codes of pseudo-locales (en-XA, ar-XB).
    const std::string_view region = locale.getCountry();
    const bool area = region.size() == 3 && std::isdigit(static_cast<unsigned char>(region[0]));
    const bool private_use = region == "AA" || region == "ZZ" || region.starts_with('X') ||
                             (region.size() == 2 && region[0] == 'Q' && region[1] >= 'M');
    if (!region.empty() && !area && !private_use && std::string_view(locale.getISO3Country()).empty())
        return "ICU knows no region \"" + std::string(region) + "\"";
    return {};
}

bool is_right_to_left(std::string_view tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(std::string(tag), status);
    if (U_FAILURE(status)) return false;
    // isRightToLeft() looks at the likely script, so "ar" alone is enough.
    return locale.isRightToLeft();
}

TextPosition position_of(std::string_view text, std::size_t offset) {
    TextPosition position;
    if (offset > text.size()) offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((byte & 0xC0) != 0x80) {  // not a continuation byte
            ++position.column;
        }
    }
    return position;
}

std::optional<std::string> to_utf8(std::string_view bytes, const std::string& encoding, std::string& problem) {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(encoding.c_str(), &status),
                                                                       ucnv_close);
    if (U_FAILURE(status) || !converter) {
        problem = "its encoding \"" + encoding + "\" is not one ICU knows";
        return std::nullopt;
    }
    if (bytes.size() > INT32_MAX / 2 - 16) {
        problem = "it is too large to convert from " + encoding;
        return std::nullopt;
    }
    // Stop at the first byte sequence the encoding has no character for,
    // rather than putting U+FFFD in a translation.
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    icu::UnicodeString text;
    const auto capacity = static_cast<int32_t>(bytes.size() * 2 + 16);
    const int32_t length = ucnv_toUChars(converter.get(), text.getBuffer(capacity), capacity, bytes.data(),
                                         static_cast<int32_t>(bytes.size()), &status);
    text.releaseBuffer(U_SUCCESS(status) ? length : 0);
    if (U_FAILURE(status)) {
        problem = "it is not valid " + encoding + " (it has bytes that " + encoding + " has no character for)";
        return std::nullopt;
    }
    if (text.length() > 0 && text.charAt(0) == 0xFEFF) text.remove(0, 1);
    std::string utf8;
    text.toUTF8String(utf8);
    return utf8;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

std::string fold_case(std::string_view utf8) {
    // Most text medloc folds is ASCII, whose case folding is its lower case.
    bool ascii = true;
    for (const char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        std::string folded(utf8);
        for (char& c : folded)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return folded;
    }
    icu::UnicodeString text = from_utf8(utf8);
    std::string folded;
    text.foldCase().toUTF8String(folded);
    return folded;
}

bool has_letters_or_digits(std::string_view utf8) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0 && u_isalnum(c)) return true;
    }
    return false;
}

namespace {

// How long one rule may search one text, in ICU's steps of the match
// engine (each on the order of a millisecond): a pattern that backtracks
// without end stops extraction instead of hanging it.
constexpr int32_t kRuleTimeLimit = 5000;

// One pattern that matches up to the place a rule decides: the text before
// it, then (looking ahead, taking nothing) the text after it.
icu::UnicodeString rule_pattern(const BreakRule& rule) {
    return "(?:" + from_utf8(rule.before) + ")(?=" + from_utf8(rule.after) + ")";
}

std::string pattern_problem(const icu::UnicodeString& pattern, const char* part) {
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(pattern, 0, where, status));
    if (U_SUCCESS(status)) return "";
    return std::string(part) + " is not an ICU regular expression (" + u_errorName(status) + " at character " +
           std::to_string(where.offset + 1) + ")";
}

// The first offset at or after `offset` that is not white space.
std::size_t skip_space(std::string_view utf8, std::size_t offset) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    auto i = static_cast<int32_t>(offset);
    while (i < length) {
        int32_t next = i;
        UChar32 c;
        U8_NEXT(s, next, length, c);
        if (c < 0 || !u_isUWhiteSpace(c)) break;
        i = next;
    }
    return static_cast<std::size_t>(i);
}

// The offset of the character after the one at `offset`.
int64_t next_character(std::string_view utf8, int64_t offset) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    auto i = static_cast<int32_t>(offset);
    U8_FWD_1(s, i, static_cast<int32_t>(utf8.size()));
    return i;
}

}  // namespace

std::string break_rule_problem(const BreakRule& rule) {
    if (rule.before.empty() && rule.after.empty())
        return "it has neither a beforebreak nor an afterbreak pattern, so it would match everywhere";
    std::string problem = pattern_problem(from_utf8(rule.before), "its beforebreak pattern");
    if (problem.empty()) problem = pattern_problem(from_utf8(rule.after), "its afterbreak pattern");
    if (problem.empty()) problem = pattern_problem(rule_pattern(rule), "the pair of its patterns");
    return problem;
}

std::optional<bool> language_pattern_matches(std::string_view pattern, std::string_view tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher matcher(from_utf8(pattern), UREGEX_CASE_INSENSITIVE, status);
    if (U_FAILURE(status)) return std::nullopt;
    const icu::UnicodeString text = from_utf8(tag);
    matcher.reset(text);
    const bool matches = matcher.matches(status);
    if (U_FAILURE(status)) return std::nullopt;
    return matches;
}

struct SentenceBreaker::Iterator {
    std::unique_ptr<icu::BreakIterator> breaks;
    const SentenceRules* rules = nullptr;
    std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;  // one per project rule
    std::vector<bool> rule_breaks;

    std::vector<std::size_t> medloc_boundaries(std::string_view utf8, UText* text);
    std::map<std::size_t, bool> project_decisions(std::string_view utf8, UText* text);
};

SentenceBreaker::SentenceBreaker(const std::string& locale_tag, const std::vector<BreakRule>& rules)
    : iterator_(std::make_unique<Iterator>()) {
    const icu::Locale locale = locale_of(locale_tag);
    UErrorCode status = U_ZERO_ERROR;
    iterator_->breaks.reset(icu::BreakIterator::createSentenceInstance(locale, status));
    check(status, "createSentenceInstance");
    iterator_->rules = &sentence_rules(locale.getLanguage());
    for (const BreakRule& rule : rules) {
        if (const std::string problem = break_rule_problem(rule); !problem.empty())
            throw std::invalid_argument("segmentation rule " + std::to_string(iterator_->matchers.size() + 1) + ": " +
                                        problem);
        auto matcher = std::make_unique<icu::RegexMatcher>(rule_pattern(rule), 0, status);
        check(status, "RegexMatcher");
        matcher->setTimeLimit(kRuleTimeLimit, status);
        check(status, "RegexMatcher::setTimeLimit");
        iterator_->matchers.push_back(std::move(matcher));
        iterator_->rule_breaks.push_back(rule.breaks);
    }
}

SentenceBreaker::~SentenceBreaker() = default;

// ICU's sentence breaks less those medloc's rules for the language take back.
std::vector<std::size_t> SentenceBreaker::Iterator::medloc_boundaries(std::string_view utf8, UText* text) {
    std::vector<std::size_t> result;
    UErrorCode status = U_ZERO_ERROR;
    breaks->setText(text, status);
    check(status, "BreakIterator::setText");
    for (int32_t at = breaks->next(); at != icu::BreakIterator::DONE; at = breaks->next()) {
        const auto offset = static_cast<std::size_t>(at);
        if (offset == 0 || offset >= utf8.size()) continue;
        if (starts_with_citation_date(utf8.substr(offset))) continue;
        if (continues(*rules, utf8.substr(0, offset), utf8.substr(offset))) continue;
        result.push_back(offset);
    }
    // The iterator keeps a shallow clone of the UText; detach it before the
    // text goes away.
    breaks->setText(icu::UnicodeString());
    return result;
}

// Where the project's rules match: the start of the next sentence (past
// any white space) -> whether the first rule to match there breaks.
std::map<std::size_t, bool> SentenceBreaker::Iterator::project_decisions(std::string_view utf8, UText* text) {
    std::map<std::size_t, bool> decided;
    for (std::size_t i = 0; i < matchers.size(); ++i) {
        icu::RegexMatcher& matcher = *matchers[i];
        UErrorCode status = U_ZERO_ERROR;
        matcher.reset(text);
        // Each match is searched for again from the character after its
        // start, so that matches that overlap are all found.
        for (int64_t start = 0; start < static_cast<int64_t>(utf8.size());) {
            if (!matcher.find(start, status)) break;
            const std::size_t place = skip_space(utf8, static_cast<std::size_t>(matcher.end64(status)));
            if (place > 0 && place < utf8.size()) decided.try_emplace(place, rule_breaks[i]);
            start = next_character(utf8, matcher.start64(status));
        }
        if (status == U_REGEX_TIME_OUT)
            throw BreakRuleTimeout(i, "segmentation rule " + std::to_string(i + 1) +
                                          " took too long on a text (its patterns backtrack without end)");
        check(status, "RegexMatcher::find");
        static const icu::UnicodeString nothing;  // the matcher keeps no reference to the caller's text
        matcher.reset(nothing);
    }
    return decided;
}

std::vector<std::size_t> SentenceBreaker::boundaries(std::string_view utf8) {
    if (utf8.empty()) return {};
    icu::LocalUTextPointer text = open_utf8(utf8);
    std::vector<std::size_t> result = iterator_->medloc_boundaries(utf8, text.getAlias());
    if (iterator_->matchers.empty()) return result;
    const std::map<std::size_t, bool> decided = iterator_->project_decisions(utf8, text.getAlias());
    std::erase_if(result, [&](std::size_t offset) {
        const auto found = decided.find(offset);
        return found != decided.end() && !found->second;
    });
    for (const auto& [offset, breaks] : decided)
        if (breaks) result.push_back(offset);
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

struct WordCounter::Iterator {
    std::unique_ptr<icu::BreakIterator> words;
};

WordCounter::WordCounter(const std::string& locale_tag) : iterator_(std::make_unique<Iterator>()) {
    UErrorCode status = U_ZERO_ERROR;
    iterator_->words.reset(icu::BreakIterator::createWordInstance(locale_of(locale_tag), status));
    check(status, "createWordInstance");
}

WordCounter::~WordCounter() = default;

std::size_t WordCounter::count(std::string_view utf8) {
    if (utf8.empty()) return 0;
    icu::LocalUTextPointer text = open_utf8(utf8);
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator& words = *iterator_->words;
    words.setText(text.getAlias(), status);
    check(status, "BreakIterator::setText");
    std::size_t count = 0;
    for (int32_t at = words.next(); at != icu::BreakIterator::DONE; at = words.next()) {
        // Rule status 0..99 is "none": spaces and punctuation.
        if (words.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++count;
    }
    words.setText(icu::UnicodeString());
    return count;
}

std::vector<Word> WordCounter::words(std::string_view utf8) {
    std::vector<Word> found;
    if (utf8.empty()) return found;
    icu::LocalUTextPointer text = open_utf8(utf8);
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator& words = *iterator_->words;
    words.setText(text.getAlias(), status);
    check(status, "BreakIterator::setText");
    // On UTF-8 text ICU's boundaries are byte offsets.
    int32_t start = words.first();
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
        const int32_t rule = words.getRuleStatus();
        if (rule < UBRK_WORD_NONE_LIMIT) continue;
        found.push_back(
            {std::string(utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start))),
             rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT});
    }
    words.setText(icu::UnicodeString());
    return found;
}

}  // namespace medloc::locales
