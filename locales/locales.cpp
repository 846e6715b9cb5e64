// locales.cpp - ICU behind medloc's small locale interface. Every ICU object
// has one owner (unique_ptr or LocalUTextPointer); nothing ICU leaks out.
#include "locales/locales.h"

#include "sentence_rules.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <cctype>
#include <climits>
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

// True when `rest` begins with the date of a Vancouver-style citation:
// "2014 Sep;26(5)", "2017;51(11)", "2016 Mar;39(3):e41", "2018 Oct;19 Suppl".
bool starts_with_citation_date(std::string_view rest) {
    if (rest.size() < 5 || !is_digit(rest[0]) || !is_digit(rest[1]) || !is_digit(rest[2]) || !is_digit(rest[3]))
        return false;
    std::size_t i = 4;
    if (i + 4 <= rest.size() && rest[i] == ' ' && is_upper(rest[i + 1]) && is_lower(rest[i + 2]) &&
        is_lower(rest[i + 3]))
        i += 4;
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
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
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

struct SentenceBreaker::Iterator {
    std::unique_ptr<icu::BreakIterator> breaks;
    const SentenceRules* rules = nullptr;
};

SentenceBreaker::SentenceBreaker(const std::string& locale_tag) : iterator_(std::make_unique<Iterator>()) {
    const icu::Locale locale = locale_of(locale_tag);
    UErrorCode status = U_ZERO_ERROR;
    iterator_->breaks.reset(icu::BreakIterator::createSentenceInstance(locale, status));
    check(status, "createSentenceInstance");
    iterator_->rules = &sentence_rules(locale.getLanguage());
}

SentenceBreaker::~SentenceBreaker() = default;

std::vector<std::size_t> SentenceBreaker::boundaries(std::string_view utf8) {
    std::vector<std::size_t> result;
    if (utf8.empty()) return result;
    icu::LocalUTextPointer text = open_utf8(utf8);
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator& breaks = *iterator_->breaks;
    breaks.setText(text.getAlias(), status);
    check(status, "BreakIterator::setText");
    for (int32_t at = breaks.next(); at != icu::BreakIterator::DONE; at = breaks.next()) {
        const auto offset = static_cast<std::size_t>(at);
        if (offset == 0 || offset >= utf8.size()) continue;
        if (starts_with_citation_date(utf8.substr(offset))) continue;
        if (continues(*iterator_->rules, utf8.substr(0, offset), utf8.substr(offset))) continue;
        result.push_back(offset);
    }
    // The iterator keeps a shallow clone of the UText; detach it before the
    // text goes away.
    breaks.setText(icu::UnicodeString());
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
