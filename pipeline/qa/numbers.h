// numbers: the numbers of a text as a reader of its locale reads them,
// each with the unit written after it. Private to qa/.
#pragma once

#include "language.h"
#include "qa/qa.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::qa {

struct Number {
    double value = 0;
    std::vector<double> also;  // other values it means: 4 p.m. is also 16
    Span span;                 // the number as written
    std::string unit;          // canonical, "mg/kg"; "" when none follows
    Span unit_span;
    std::string unit_text;       // the unit as written ("cc", "U")
    bool glued = false;          // a unit of letters right after the digits: 10mg
    bool trailing_zero = false;  // 1.0
    bool naked_decimal = false;  // .5
    // Valid only with the decimal mark the locale does not use: 2.5 in
    // German, where a reader may take it for 25.
    bool other_convention = false;

    bool means(double other) const;
};

// Reads the numbers of texts in one locale.
class NumberReader {
public:
    NumberReader(std::string_view locale, const Language& language);

    // Numbers inside `skip` (addresses) are left out.
    std::vector<Number> read(std::string_view text, const std::vector<Span>& skip) const;

private:
    struct Marks {
        std::u32string decimal;   // the decimal mark
        std::u32string grouping;  // the grouping marks (a space stands for every no-break space)
    };
    bool read_value(const std::u32string& digits_and_marks, const Marks& marks, double& value, bool& zero) const;
    void read_unit(std::string_view text, Number& number) const;

    const Language& language_;
    Marks latin_;    // for 0-9
    Marks native_;   // for the locale's own digits (Arabic-Indic, ...)
    Marks swapped_;  // the other convention of latin_
};

// The time units, which a dose may be per ("mg/kg" and "mg/kg/day").
bool is_time_unit(std::string_view unit);
// Two units that say the same of a dose.
bool same_unit(std::string_view a, std::string_view b);
// `value` in `from` converted to `to`, when one is a conversion of the other.
std::optional<double> converted(double value, std::string_view from, std::string_view to);

}  // namespace medloc::qa
