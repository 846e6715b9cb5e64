// text.cpp - character classes from ICU.
#include "text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace medloc::qa {

// ASCII is most of what the checks read: it is classed without ICU.

Char char_at(std::string_view text, std::size_t at) {
    if (static_cast<unsigned char>(text[at]) < 0x80) return {static_cast<char32_t>(text[at]), at + 1};
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    auto index = static_cast<std::int32_t>(at);
    UChar32 c = 0;
    U8_NEXT(bytes, index, length, c);
    return {c < 0 ? U'\uFFFD' : static_cast<char32_t>(c), static_cast<std::size_t>(index)};
}

std::size_t char_before(std::string_view text, std::size_t at) {
    if (at == 0) return 0;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    auto index = static_cast<std::int32_t>(at);
    U8_BACK_1(bytes, 0, index);
    return static_cast<std::size_t>(index);
}

bool is_digit(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

int digit_value(char32_t c) { return u_charDigitValue(static_cast<UChar32>(c)); }

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const auto type = u_charType(static_cast<UChar32>(c));
    return u_isalpha(static_cast<UChar32>(c)) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool is_space(char32_t c) {
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
    return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == U'\u00A0' || c == U'\u202F';
}

bool is_unspaced(char32_t c) {
    if (c < 0x80) return false;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
           script == USCRIPT_THAI || c == U'\u30FC';
}

namespace {
bool joins(char32_t c) { return (is_letter(c) && !is_unspaced(c)) || is_digit(c); }
}  // namespace

bool word_starts(std::string_view text, std::size_t at) {
    return at == 0 || !joins(char_at(text, char_before(text, at)).code);
}

bool word_ends(std::string_view text, std::size_t end) { return end >= text.size() || !joins(char_at(text, end).code); }

bool stands_alone(std::string_view text, std::size_t begin, std::size_t end) {
    return word_starts(text, begin) && word_ends(text, end);
}

bool starts_with_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (ascii_lower(text[at + i]) != ascii_lower(word[i])) return false;
    }
    return true;
}

std::string squeezed(std::string_view text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        const Char c = char_at(text, at);
        if (is_space(c.code)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out.append(text.substr(at, c.next - at));
        }
        at = c.next;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool same_without_spaces(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    for (;;) {
        while (i < a.size() && is_space(char_at(a, i).code)) i = char_at(a, i).next;
        while (j < b.size() && is_space(char_at(b, j).code)) j = char_at(b, j).next;
        if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
        const Char x = char_at(a, i), y = char_at(b, j);
        if (x.code != y.code) return false;
        i = x.next;
        j = y.next;
    }
}

}  // namespace medloc::qa
