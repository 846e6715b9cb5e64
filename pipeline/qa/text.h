// text: walking UTF-8 text a character at a time, for the checks. Private
// to qa/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace medloc::qa {

// The character at `at` (U+FFFD for a bad byte) and where the next begins.
struct Char {
    char32_t code = 0;
    std::size_t next = 0;
};
Char char_at(std::string_view text, std::size_t at);
// Where the character before `at` begins (0 at the start).
std::size_t char_before(std::string_view text, std::size_t at);

bool is_digit(char32_t c);  // any script's decimal digit (0-9, ٠-٩, ۰-۹, ０-９)
int digit_value(char32_t c);
bool is_letter(char32_t c);
bool is_space(char32_t c);  // white space, no-break spaces included
// Letters of scripts written without spaces between words (Han, kana):
// a word of theirs needs no boundary.
bool is_unspaced(char32_t c);

// Whether a word may begin at `at` / end at `end`: no letter or digit of a
// spaced script touches it there.
bool word_starts(std::string_view text, std::size_t at);
bool word_ends(std::string_view text, std::size_t end);
// Whether text[begin, end) stands as a word.
bool stands_alone(std::string_view text, std::size_t begin, std::size_t end);

// An ASCII letter in lower case; any other byte as it is.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
// Whether `text` at `at` starts with `word`, ASCII letters in any case.
bool starts_with_at(std::string_view text, std::size_t at, std::string_view word);

// The text with runs of white space made one space, trimmed.
std::string squeezed(std::string_view text);
// Whether the texts have the same characters once every space is left out
// (true whenever their squeezed forms are equal); builds nothing.
bool same_without_spaces(std::string_view a, std::string_view b);

}  // namespace medloc::qa
