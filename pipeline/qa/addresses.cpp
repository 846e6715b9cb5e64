// addresses.cpp - finding URLs, e-mail addresses and phone numbers.
#include "addresses.h"

#include "text.h"

#include <algorithm>

namespace medloc::qa {
namespace {

bool url_char(char32_t c) {
    return !is_space(c) && c != '<' && c != '>' && c != '"' && c != U'\u201C' && c != U'\u201D' && c != U'\u00AB' &&
           c != U'\u00BB' && c != U'\u3001' && c != U'\u3002' && c != U'\uFF09' && c != U'\uFF08' && c != U'\u060C';
}

// Sentence punctuation after an address is not part of it.
std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin) {
        const std::size_t last = char_before(text, end);
        const char32_t c = char_at(text, last).code;
        const bool open_paren = text.substr(begin, end - begin).find('(') != std::string_view::npos;
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == U'\u2019' ||
            (c == ')' && !open_paren))
            end = last;
        else break;
    }
    return end;
}

bool email_local(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '%' || c == '+' || c == '-';
}
bool email_domain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

void find_urls(std::string_view text, std::vector<Address>& found) {
    for (const std::string_view start : {"https://", "http://", "www."}) {
        for (std::size_t at = text.find(start); at != std::string_view::npos; at = text.find(start, at + 1)) {
            if (start == "www." && at >= 3 && text.substr(at - 3, 3) == "://") continue;
            std::size_t end = at;
            while (end < text.size() && url_char(char_at(text, end).code)) end = char_at(text, end).next;
            end = trim_end(text, at, end);
            found.push_back({Address::Kind::url, {at, end}, std::string(text.substr(at, end - at))});
            at = end - 1;
        }
    }
}

void find_emails(std::string_view text, std::vector<Address>& found) {
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        std::size_t begin = at;
        while (begin > 0 && email_local(text[begin - 1])) --begin;
        std::size_t end = at + 1;
        while (end < text.size() && email_domain(text[end])) ++end;
        end = trim_end(text, at, end);
        const std::string_view domain = text.substr(at + 1, end - at - 1);
        if (begin == at || domain.find('.') == std::string_view::npos) continue;
        found.push_back({Address::Kind::email, {begin, end}, std::string(text.substr(begin, end - begin))});
    }
}

bool phone_separator(char32_t c) { return c == '-' || c == '.' || c == ' ' || c == U'\u00A0' || c == U'\u2011'; }

// A phone number: digit groups joined by single separators (an area code
// may be in parentheses, a country code after +), 7 to 15 digits, the last
// group of at least 4: so that dates, ranges and grouped numbers are not.
void find_phones(std::string_view text, std::vector<Address>& found) {
    for (std::size_t at = 0; at < text.size();) {
        const Char first = char_at(text, at);
        if (first.code != '+' && first.code != '(' && !is_digit(first.code)) {
            at = first.next;
            continue;
        }
        const char32_t before = at > 0 ? char_at(text, char_before(text, at)).code : U' ';
        if (is_letter(before) || is_digit(before) || before == '.' || before == '/' || before == '-') {
            at = first.next;
            continue;
        }
        std::string digits;
        std::vector<std::size_t> groups;
        std::size_t end = at, pos = at;
        bool open = false;
        while (pos < text.size()) {
            const Char c = char_at(text, pos);
            if (is_digit(c.code)) {
                if (groups.empty() || end != pos) groups.push_back(0);
                ++groups.back();
                digits += static_cast<char>('0' + digit_value(c.code));
                end = pos = c.next;
            } else if ((c.code == '+' && pos == at) || (c.code == '(' && !open && pos == at)) {
                open = c.code == '(';
                pos = c.next;
            } else if (c.code == ')' && open) {
                open = false;
                pos = c.next;
                if (pos < text.size() && char_at(text, pos).code == ' ') ++pos;
            } else if (phone_separator(c.code) && end == pos && c.next < text.size() &&
                       is_digit(char_at(text, c.next).code)) {
                pos = c.next;
            } else {
                break;
            }
        }
        const bool shaped = groups.size() >= 2 && groups.back() >= 4 && digits.size() >= 7 && digits.size() <= 15;
        const char32_t after = end < text.size() ? char_at(text, end).code : U' ';
        if (shaped && !is_letter(after) && after != '/') {
            found.push_back({Address::Kind::phone, {at, end}, digits});
            at = end;
        } else {
            at = std::max(first.next, end);
        }
    }
}

bool inside(const Span& span, const std::vector<Address>& found) {
    for (const Address& address : found)
        if (span.begin >= address.span.begin && span.begin < address.span.end) return true;
    return false;
}

}  // namespace

std::vector<Address> addresses_in(std::string_view text) {
    std::vector<Address> found;
    find_urls(text, found);
    std::vector<Address> emails;
    find_emails(text, emails);
    for (Address& email : emails)
        if (!inside(email.span, found)) found.push_back(std::move(email));
    std::vector<Address> phones;
    find_phones(text, phones);
    for (Address& phone : phones)
        if (!inside(phone.span, found)) found.push_back(std::move(phone));
    std::sort(found.begin(), found.end(),
              [](const Address& a, const Address& b) { return a.span.begin < b.span.begin; });
    return found;
}

}  // namespace medloc::qa
