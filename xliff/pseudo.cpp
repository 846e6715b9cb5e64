// pseudo.cpp - pseudo-translation: a target that looks translated and shows
// at a glance what a real translation would break (untranslated strings,
// lost codes, text too long for its place, characters lost on the way).
#include "xliff/xliff.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace medloc::xliff {
namespace {

// An accented look-alike for each ASCII letter, A-Z then a-z.
constexpr const char* kAccented[] = {
    "Å", "Ɓ", "Ç", "Ð", "É", "Ƒ", "Ĝ", "Ĥ", "Î", "Ĵ", "Ķ", "Ļ", "Ṁ", "Ñ", "Ö", "Þ", "Ǫ", "Ŕ",
    "Š", "Ţ", "Û", "Ṽ", "Ŵ", "Ẋ", "Ý", "Ž", "å", "ƀ", "ç", "ð", "é", "ƒ", "ĝ", "ĥ", "î", "ĵ",
    "ķ", "ļ", "ṁ", "ñ", "ö", "þ", "ǫ", "ŕ", "š", "ţ", "û", "ṽ", "ŵ", "ẋ", "ý", "ž",
};

// The code point at the start of UTF-8 `text` and its length in bytes
// (a stray byte stands for itself).
std::pair<char32_t, std::size_t> code_point(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[i])); };
    const char32_t lead = byte(0);
    if (lead < 0xC0) return {lead, 1};
    if (lead < 0xE0 && text.size() >= 2) return {((lead & 0x1F) << 6) | (byte(1) & 0x3F), 2};
    if (lead < 0xF0 && text.size() >= 3) return {((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F), 3};
    return {lead, 1};
}

std::string accented(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') out += kAccented[c - 'A'];
        else if (c >= 'a' && c <= 'z') out += kAccented[26 + (c - 'a')];
        else out += c;
    }
    return out;
}

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

}  // namespace

Content pseudo_translate(const Content& source) {
    Content target;
    target.append_text("[");
    for (const Run& run : source.runs) {
        if (run.is_code()) target.runs.push_back(run);
        else target.append_text(accented(run.text));
    }
    // Brackets, a space and dots make the text about 30% longer.
    const auto extra = static_cast<std::size_t>(std::ceil(0.3 * static_cast<double>(code_points(source.plain_text()))));
    std::string padding = " ";
    for (std::size_t i = 3; i < std::max<std::size_t>(extra, 4); ++i) padding += "·";
    target.append_text(padding + "]");
    return target;
}

std::optional<std::string> pseudo_original(std::string_view plain) {
    constexpr std::string_view kEnd = "\u00B7]";
    if (!plain.starts_with('[') || !plain.ends_with(kEnd)) return std::nullopt;
    std::string_view text = plain.substr(1, plain.size() - 1 - kEnd.size());
    while (text.ends_with("\u00B7")) text.remove_suffix(std::string_view("\u00B7").size());
    if (!text.ends_with(' ')) return std::nullopt;
    text.remove_suffix(1);
    // Every check of every pseudo-translated target comes here: each
    // look-alike's letter by its code point (0 for none), one load a character.
    static const std::vector<char> letters = [] {
        std::vector<char> by_code;
        for (std::size_t letter = 0; letter < std::size(kAccented); ++letter) {
            const char32_t code = code_point(kAccented[letter]).first;
            if (by_code.size() <= code) by_code.resize(code + 1, 0);
            by_code[code] = static_cast<char>(letter < 26 ? 'A' + letter : 'a' + (letter - 26));
        }
        return by_code;
    }();
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            out += text[at++];
            continue;
        }
        const auto [code, length] = code_point(text.substr(at));
        if (length > 1 && code < letters.size() && letters[code] != 0) {
            out += letters[code];
            at += length;
        } else {
            out += text[at++];
        }
    }
    return out;
}

}  // namespace medloc::xliff
