// sentence_rules: where a period does not end a sentence, per language, for
// the text patient leaflets are made of. Private to locales/.
//
// ICU's sentence iterator proposes a break after every period followed by a
// space and a capital or a digit; these rules take back the ones that fall
// inside a sentence, from the word before the break and the word after it:
//   1. after an abbreviation that never ends a sentence in this kind of text
//      (titles and degrees, "e.g.", "vs.", "Bldg.", "Ste.", "Dept.", ...);
//   2. after one that ends a sentence unless a number follows it (doses and
//      units: "max. 0.5 mL", "approx. 2 tsp.", "No. 5", "Fig. 2"; months
//      before a day: "Jan. 5");
//   3. after a time of day ("a.m.", "p.m.") before a weekday, a month, a
//      time zone or a number ("7:00 a.m. Sat.-Sun.", "9 a.m. Eastern", but
//      "by 7:00 a.m. Bring the card." ends);
//   4. after an initial ("J.") that follows a title or another initial, or
//      comes before another initial ("Dr. J. R. Alvarez");
//   5. inside an abbreviation written in parts ("p. ej.", "z. B.", "a. m.").
// Everything else is ICU's decision: a sentence that ends after an
// abbreviation of group 2 or 3 still ends.
#pragma once

#include <span>
#include <string_view>

namespace medloc::locales {

struct SentenceRules {
    std::span<const std::string_view> always;  // group 1 (and 5: those written in parts)
    std::span<const std::string_view> before_number;
    std::span<const std::string_view> times;
    // Words after which a time of day goes on: weekdays and months, whole
    // and abbreviated, and time zones ("8 a.m. Eastern", "9 a.m. EST").
    std::span<const std::string_view> after_time;
    std::span<const std::string_view> titles;
};

// The rules for a language ("en", "es", "fr", "de", "pt"); other languages
// get none beyond ICU's own.
const SentenceRules& sentence_rules(std::string_view language);

// True when the sentence does not end between `before` (the text up to the
// proposed break) and `after` (the text from it).
bool continues(const SentenceRules& rules, std::string_view before, std::string_view after);

}  // namespace medloc::locales
