// numbers.cpp - reading numbers and units the way each locale writes them.
#include "numbers.h"

#include "text.h"

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <charconv>
#include <cmath>

namespace medloc::qa {
namespace {

constexpr std::u32string_view kSpaces = U" \u00A0\u202F\u2009";
constexpr std::u32string_view kMarks = U".,'\u2019\u066B\u066C \u00A0\u202F\u2009";

std::u32string symbol(const icu::DecimalFormatSymbols& symbols, icu::DecimalFormatSymbols::ENumberFormatSymbol which) {
    const icu::UnicodeString& text = symbols.getConstSymbol(which);
    std::u32string out;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) out += static_cast<char32_t>(text.char32At(i));
    return out;
}

bool is_mark(char32_t c) { return kMarks.find(c) != std::u32string_view::npos; }
bool is_space_mark(char32_t c) { return kSpaces.find(c) != std::u32string_view::npos; }

// A vulgar fraction such as ½ (its value), or 0.
double fraction_value(char32_t c) {
    if (c < 0x80) return 0;  // most characters; none of ASCII is a fraction
    if (u_charType(static_cast<UChar32>(c)) != U_OTHER_NUMBER) return 0;
    const double value = u_getNumericValue(static_cast<UChar32>(c));
    return value > 0 && value < 1 ? value : 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t at, int most) {
    for (int i = 0; i < most && at < text.size(); ++i) {
        const Char c = char_at(text, at);
        if (!is_space(c.code)) break;
        at = c.next;
    }
    return at;
}

// The number of digits from `at` (a run of one script's digits).
std::size_t digit_run(std::string_view text, std::size_t at) {
    std::size_t count = 0;
    while (at < text.size()) {
        const Char c = char_at(text, at);
        if (!is_digit(c.code)) break;
        ++count;
        at = c.next;
    }
    return count;
}

bool inside(std::size_t at, const std::vector<Span>& skip, std::size_t& end) {
    for (const Span& span : skip)
        if (at >= span.begin && at < span.end) {
            end = span.end;
            return true;
        }
    return false;
}

}  // namespace

bool Number::means(double other) const {
    const auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)); };
    if (near(value, other)) return true;
    for (const double alternative : also)
        if (near(alternative, other)) return true;
    return false;
}

NumberReader::NumberReader(std::string_view locale, const Language& language) : language_(language) {
    const auto marks_of = [](const std::string& tag) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::DecimalFormatSymbols symbols(icu::Locale(tag.c_str()), status);
        Marks marks{U".", U","};
        if (U_FAILURE(status)) return marks;
        marks.decimal = symbol(symbols, icu::DecimalFormatSymbols::kDecimalSeparatorSymbol);
        marks.grouping = symbol(symbols, icu::DecimalFormatSymbols::kGroupingSeparatorSymbol);
        if (marks.grouping.size() == 1 && is_space_mark(marks.grouping[0])) marks.grouping = kSpaces;
        if (marks.grouping == U"'") marks.grouping = U"'\u2019";
        return marks;
    };
    const std::string tag(locale);
    latin_ = marks_of(tag + "@numbers=latn");
    native_ = marks_of(tag);
    if (native_.decimal == latin_.decimal) native_ = marks_of("ar");  // Arabic-Indic digits in a Latin-digit locale
    swapped_ = latin_.decimal == U"," ? Marks{U".", U","} : Marks{U",", U"."};
}

// Reads digits and marks ("1.000,5") as the locale writes numbers: one
// decimal mark at most, groups of three before it. False when the text is
// not a number written that way.
bool NumberReader::read_value(const std::u32string& written, const Marks& marks, double& value, bool& zero) const {
    std::string number;
    std::size_t group = 0, groups = 0, first_group = 0;
    bool decimal = false, grouped = false;
    for (const char32_t c : written) {
        if (c >= U'0' && c <= U'9') {
            number += static_cast<char>(c);
            ++group;
        } else if (marks.decimal.find(c) != std::u32string::npos && !decimal) {
            if (grouped && group != 3) return false;
            decimal = true;
            number += '.';
            group = 0;
        } else if (marks.grouping.find(c) != std::u32string::npos && !decimal) {
            if (groups == 0) first_group = group;
            else if (group != 3) return false;
            ++groups;
            grouped = true;
            group = 0;
        } else {
            return false;
        }
    }
    if (grouped && !decimal && group != 3) return false;
    if (grouped && (first_group == 0 || first_group > 3)) return false;
    zero = decimal && number.back() == '0' && number.find_first_not_of('0', number.find('.') + 1) == std::string::npos;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    return error == std::errc() && end == number.data() + number.size();
}

void NumberReader::read_unit(std::string_view text, Number& number) const {
    const std::size_t start = skip_spaces(text, number.span.end, 1);
    std::size_t at = start;
    const auto atom = [&](std::size_t from, std::size_t& end) -> const UnitSpelling* {
        if (from >= text.size()) return nullptr;
        const auto first = static_cast<unsigned char>(ascii_lower(text[from]));
        for (const std::size_t index : language_.units_by_first_byte[first]) {
            const UnitSpelling& spelling = language_.units[index];
            if (!starts_with_at(text, from, spelling.text)) continue;
            std::size_t stop = from + spelling.text.size();
            for (const std::string& suffix : language_.unit_suffixes)
                if (text.substr(stop, suffix.size()) == suffix) {
                    stop += suffix.size();
                    break;
                }
            const char32_t last = char_at(text, char_before(text, from + spelling.text.size())).code;
            if (is_letter(last) && !is_unspaced(last) && !word_ends(text, stop)) continue;
            end = stop;
            return &spelling;
        }
        return nullptr;
    };
    std::size_t end = 0;
    const UnitSpelling* first = atom(at, end);
    if (!first) return;
    number.unit = first->unit;
    number.unit_text = std::string(text.substr(at, end - at));
    number.glued = start == number.span.end && first->text[0] >= 'A' && first->text[0] <= 'z';
    at = end;
    // "mg/kg", "mg/kg/day", "L/min"; not "mg/5 mL", whose 5 has its own unit.
    while (at < text.size() && text[at] == '/') {
        const UnitSpelling* per = atom(at + 1, end);
        if (!per) break;
        number.unit += "/" + per->unit;
        at = end;
    }
    number.unit_span = {start, at};
}

std::vector<Number> NumberReader::read(std::string_view text, const std::vector<Span>& skip) const {
    std::vector<Number> numbers;
    for (std::size_t at = 0; at < text.size();) {
        const Char c = char_at(text, at);
        if (c.code < 0x80 && (c.code < '0' || c.code > '9')) {  // most characters: no number starts there
            at = c.next;
            continue;
        }
        std::size_t skip_to = 0;
        if (inside(at, skip, skip_to)) {
            at = skip_to;
            continue;
        }
        if (const double fraction = fraction_value(c.code); fraction > 0) {
            Number number;
            number.value = fraction;
            number.span = {at, c.next};
            read_unit(text, number);
            numbers.push_back(std::move(number));
            at = c.next;
            continue;
        }
        if (!is_digit(c.code)) {
            at = c.next;
            continue;
        }
        // Digits and the marks between them: "1.000,5", "1 000", "٦٫٧".
        std::u32string written;
        std::vector<Span> runs;  // each run of digits, to fall back on
        bool latin = true;
        std::size_t end = at;
        for (std::size_t pos = at;;) {
            const std::size_t run_begin = pos;
            while (pos < text.size()) {
                const Char d = char_at(text, pos);
                if (!is_digit(d.code)) break;
                latin = latin && d.code <= U'9';
                written += static_cast<char32_t>(U'0' + digit_value(d.code));
                pos = d.next;
            }
            runs.push_back({run_begin, pos});
            end = pos;
            if (pos >= text.size()) break;
            const Char mark = char_at(text, pos);
            if (!is_mark(mark.code) || mark.next >= text.size() || !is_digit(char_at(text, mark.next).code)) break;
            // A space joins only groups of three, where the locale groups with spaces.
            if (is_space_mark(mark.code) &&
                (latin_.grouping.find(mark.code) == std::u32string::npos || digit_run(text, mark.next) != 3))
                break;
            written += mark.code;
            pos = mark.next;
        }
        Number number;
        number.span = {at, end};
        const Marks& marks = latin ? latin_ : native_;
        bool zero = false;
        const bool as_locale = read_value(written, marks, number.value, zero);
        if (!as_locale && latin && read_value(written, swapped_, number.value, zero)) number.other_convention = true;
        if (!as_locale && !number.other_convention) {
            // Not a number in any convention ("1.2.3"): each run of digits is one.
            for (const Span& run : runs) {
                Number part;
                part.span = run;
                std::u32string digits;
                for (std::size_t p = run.begin; p < run.end;) {
                    const Char d = char_at(text, p);
                    digits += static_cast<char32_t>(U'0' + digit_value(d.code));
                    p = d.next;
                }
                read_value(digits, marks, part.value, zero);
                numbers.push_back(std::move(part));
            }
            read_unit(text, numbers.back());
            at = end;
            continue;
        }
        number.trailing_zero = zero;
        // ".5 mg": a decimal mark with no digit before it.
        if (at > 0) {
            const std::size_t before = char_before(text, at);
            const char32_t mark = char_at(text, before).code;
            const char32_t ahead = before > 0 ? char_at(text, char_before(text, before)).code : U' ';
            if ((mark == '.' || mark == ',' || mark == U'\u066B') && !is_digit(ahead) && !is_letter(ahead)) {
                number.naked_decimal = true;
                double fraction = 0;
                bool unused = false;
                if (read_value(U"0." + written, Marks{U".", U""}, fraction, unused)) number.value = fraction;
                number.span.begin = before;
            }
        }
        // 1½
        if (end < text.size()) {
            const Char next = char_at(text, end);
            if (const double fraction = fraction_value(next.code); fraction > 0 && as_locale) {
                number.value += fraction;
                number.span.end = end = next.next;
            }
        }
        // 1/2, 3/4: a fraction; not a date (3/4/2019), not 24/7.
        if (as_locale && written.find_first_not_of(U"0123456789") == std::u32string::npos && end + 1 < text.size() &&
            text[end] == '/' && (at == 0 || text[at - 1] != '/')) {
            const std::size_t denominator_end = end + 1 + digit_run(text, end + 1);
            double denominator = 0;
            bool unused = false;
            std::u32string digits;
            for (std::size_t p = end + 1; p < denominator_end; p = char_at(text, p).next)
                digits += static_cast<char32_t>(U'0' + digit_value(char_at(text, p).code));
            const bool ends = denominator_end >= text.size() ||
                              (text[denominator_end] != '/' && !is_digit(char_at(text, denominator_end).code));
            if (!digits.empty() && ends && read_value(digits, marks, denominator, unused) && number.value >= 1 &&
                number.value < denominator && denominator <= 16) {
                number.value /= denominator;
                number.span.end = end = denominator_end;
            }
        }
        read_unit(text, number);
        numbers.push_back(std::move(number));
        at = end;
    }
    // A clock time in the afternoon is also its 24-hour hour: 4 p.m. is 16.
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        const std::size_t after = skip_spaces(text, numbers[i].span.end, 1);
        bool pm = false;
        for (const std::string& word : language_.pm) {
            if (starts_with_at(text, after, word)) pm = true;
            const std::size_t before = numbers[i].span.begin;
            if (before >= word.size() && text.substr(before - word.size(), word.size()) == word) pm = true;
        }
        if (!pm) continue;
        Number& hour =
            numbers[i].span.begin > 0 && text[numbers[i].span.begin - 1] == ':' && i > 0 ? numbers[i - 1] : numbers[i];
        if (hour.value >= 1 && hour.value < 12) hour.also.push_back(hour.value + 12);
    }
    return numbers;
}

bool is_time_unit(std::string_view unit) {
    return unit == "h" || unit == "day" || unit == "week" || unit == "min" || unit == "month" || unit == "year";
}

bool same_unit(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() > b.size()) std::swap(a, b);
    // "mg/kg" and "mg/kg/day": the longer only adds a time it is per.
    if (!b.starts_with(a) || b[a.size()] != '/') return false;
    std::string_view rest = b.substr(a.size() + 1);
    while (!rest.empty()) {
        const std::size_t slash = rest.find('/');
        if (!is_time_unit(rest.substr(0, slash))) return false;
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
    return true;
}

std::optional<double> converted(double value, std::string_view from, std::string_view to) {
    struct Conversion {
        std::string_view from, to;
        double factor, offset;
    };
    static constexpr Conversion kConversions[] = {
        {"lb", "kg", 0.45359237, 0}, {"kg", "lb", 2.20462262, 0},   {"°F", "°C", 5.0 / 9.0, -32 * 5.0 / 9.0},
        {"°C", "°F", 9.0 / 5.0, 32}, {"oz", "mL", 29.5735, 0},      {"tsp", "mL", 4.92892, 0},
        {"tbsp", "mL", 14.7868, 0},  {"mL", "tsp", 1 / 4.92892, 0}, {"in", "cm", 2.54, 0},
        {"cm", "in", 1 / 2.54, 0},   {"g", "mg", 1000, 0},          {"mg", "g", 0.001, 0},
        {"mg", "mcg", 1000, 0},      {"mcg", "mg", 0.001, 0},       {"L", "mL", 1000, 0},
        {"mL", "L", 0.001, 0},       {"kg", "g", 1000, 0},          {"g", "kg", 0.001, 0},
    };
    for (const Conversion& conversion : kConversions)
        if (conversion.from == from && conversion.to == to) return value * conversion.factor + conversion.offset;
    return std::nullopt;
}

}  // namespace medloc::qa
