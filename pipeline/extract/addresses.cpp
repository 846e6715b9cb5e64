// addresses.cpp - finding URLs and e-mail addresses in text.
#include "addresses.h"

#include <cctype>
#include <optional>

namespace medloc::pipeline {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

std::size_t strip_trailing_punctuation(std::string_view text, std::size_t begin, std::size_t end) {
    static constexpr std::string_view kTrailing[] = {".", ",", ";", ":", "!", "?", ")", "]", "'", "\"", "’", "”"};
    for (bool stripped = true; stripped && end > begin;) {
        stripped = false;
        for (std::string_view tail : kTrailing)
            if (text.substr(begin, end - begin).ends_with(tail)) {
                end -= tail.size();
                stripped = true;
                break;
            }
    }
    return end;
}

// A URL starting at text[i], if one does.
std::optional<Address> url_at(std::string_view text, std::size_t i) {
    const bool word_start = i == 0 || !is_word_char(text[i - 1]);
    const std::string_view rest = text.substr(i);
    if (!word_start || !(rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") ||
                         rest.starts_with("mailto:")))
        return std::nullopt;
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end]) && text[end] != '<' && text[end] != '>' && text[end] != '"') ++end;
    return Address{i, strip_trailing_punctuation(text, i, end), "url"};
}

// The e-mail address around the "@" at text[at], if it is one.
std::optional<Address> email_around(std::string_view text, std::size_t at) {
    if (text[at] != '@' || at == 0) return std::nullopt;
    std::size_t begin = at;
    while (begin > 0 && (is_word_char(text[begin - 1]) || text[begin - 1] == '.' || text[begin - 1] == '+')) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && (is_word_char(text[end]) || text[end] == '.')) ++end;
    end = strip_trailing_punctuation(text, at, end);
    const std::string_view domain = text.substr(at + 1, end > at + 1 ? end - at - 1 : 0);
    if (begin == at || domain.find('.') == std::string_view::npos) return std::nullopt;
    return Address{begin, end, "email"};
}

}  // namespace

std::vector<Address> find_addresses(std::string_view text) {
    std::vector<Address> found;
    std::size_t i = 0;
    while (i < text.size()) {
        if (const auto url = url_at(text, i)) {
            found.push_back(*url);
            i = url->end;
        } else if (const auto email = email_around(text, i)) {
            // The name before the "@" may have been taken for part of a URL.
            while (!found.empty() && found.back().end > email->begin) found.pop_back();
            found.push_back(*email);
            i = email->end;
        } else {
            ++i;
        }
    }
    return found;
}

}  // namespace medloc::pipeline
