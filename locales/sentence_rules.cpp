// sentence_rules.cpp - the abbreviations of each language and the rules
// that read them (see sentence_rules.h).
#include "sentence_rules.h"

#include <algorithm>
#include <array>

namespace medloc::locales {
namespace {

using namespace std::string_view_literals;

// English. Titles, bibliography and addresses never end a sentence; the
// words of doses, units and dates do unless a number follows. Degrees
// ("M.D.") are left to ICU: they end a sentence as often as not, and a
// comma follows them inside one.
constexpr std::array kEnglishAlways = {
    "Dr."sv,  "Drs."sv, "Mr."sv,  "Mrs."sv, "Ms."sv, "Prof."sv, "Jr."sv,    "Sr."sv,   "St."sv,   "Mt."sv,
    "e.g."sv, "i.e."sv, "vs."sv,  "cf."sv,  "ca."sv, "Ave."sv,  "Blvd."sv,  "Bldg."sv, "Ste."sv,  "Dept."sv,
    "Inc."sv, "U.S."sv, "U.K."sv, "Vol."sv, "Ed."sv, "Eds."sv,  "Suppl."sv, "Nos."sv,  "Figs."sv, "approx."sv};
constexpr std::array kEnglishBeforeNumber = {
    "max."sv,  "min."sv,  "No."sv,  "Fig."sv, "ext."sv,  "Ext."sv,   "hrs."sv,  "yrs."sv, "tab."sv, "tabs."sv, "tsp."sv,
    "tbsp."sv, "oz."sv,   "lb."sv,  "lbs."sv, "wk."sv,   "wks."sv,   "mo."sv,   "p."sv,   "pp."sv,  "Jan."sv,  "Feb."sv,
    "Mar."sv,  "Apr."sv,  "Jun."sv, "Jul."sv, "Aug."sv,  "Sep."sv,   "Sept."sv, "Oct."sv, "Nov."sv, "Dec."sv,  "Mon."sv,
    "Tue."sv,  "Tues."sv, "Wed."sv, "Thu."sv, "Thur."sv, "Thurs."sv, "Fri."sv,  "Sat."sv, "Sun."sv};
constexpr std::array kEnglishTimes = {"a.m."sv, "p.m."sv, "A.M."sv, "P.M."sv};
constexpr std::array kEnglishCalendar = {
    "Mon."sv,     "Tue."sv,    "Tues."sv,   "Wed."sv,     "Thu."sv,      "Thur."sv,     "Thurs."sv,   "Fri."sv,
    "Sat."sv,     "Sun."sv,    "Monday"sv,  "Tuesday"sv,  "Wednesday"sv, "Thursday"sv,  "Friday"sv,   "Saturday"sv,
    "Sunday"sv,   "Jan."sv,    "Feb."sv,    "Mar."sv,     "Apr."sv,      "Jun."sv,      "Jul."sv,     "Aug."sv,
    "Sep."sv,     "Sept."sv,   "Oct."sv,    "Nov."sv,     "Dec."sv,      "January"sv,   "February"sv, "March"sv,
    "April"sv,    "May"sv,     "June"sv,    "July"sv,     "August"sv,    "September"sv, "October"sv,  "November"sv,
    "December"sv, "Eastern"sv, "Central"sv, "Mountain"sv, "Pacific"sv,   "ET"sv,        "EST"sv,      "EDT"sv,
    "CT"sv,       "CST"sv,     "CDT"sv,     "MT"sv,       "MST"sv,       "MDT"sv,       "PT"sv,       "PST"sv,
    "PDT"sv,      "UTC"sv,     "GMT"sv};
constexpr std::array kEnglishTitles = {"Dr."sv, "Drs."sv, "Mr."sv, "Mrs."sv, "Ms."sv, "Prof."sv, "Rev."sv};

// Spanish.
constexpr std::array kSpanishAlways = {"Sr."sv,  "Sra."sv, "Srta."sv, "Dr."sv,    "Dra."sv,    "Lic."sv,   "Ud."sv,
                                       "Uds."sv, "Av."sv,  "Avda."sv, "EE.UU."sv, "EE. UU."sv, "p. ej."sv, "aprox."sv,
                                       "vs."sv,  "Ing."sv, "Prof."sv, "Profa."sv, "Dpto."sv};
constexpr std::array kSpanishBeforeNumber = {"máx."sv, "mín."sv, "núm."sv, "pág."sv, "págs."sv, "tel."sv,
                                             "Tel."sv, "cap."sv, "fig."sv, "Fig."sv, "ene."sv,  "feb."sv,
                                             "mar."sv, "abr."sv, "jun."sv, "jul."sv, "ago."sv,  "sept."sv,
                                             "oct."sv, "nov."sv, "dic."sv, "N.º"sv,  "n.º"sv};
constexpr std::array kSpanishTimes = {"a. m."sv, "p. m."sv, "a.m."sv, "p.m."sv};
constexpr std::array kSpanishCalendar = {"lunes"sv,      "martes"sv,  "miércoles"sv, "jueves"sv,   "viernes"sv,
                                         "sábado"sv,     "domingo"sv, "enero"sv,     "febrero"sv,  "marzo"sv,
                                         "abril"sv,      "mayo"sv,    "junio"sv,     "julio"sv,    "agosto"sv,
                                         "septiembre"sv, "octubre"sv, "noviembre"sv, "diciembre"sv};
constexpr std::array kSpanishTitles = {"Sr."sv, "Sra."sv, "Srta."sv, "Dr."sv, "Dra."sv, "Lic."sv, "Prof."sv};

// French.
constexpr std::array kFrenchAlways = {"M."sv,     "MM."sv,     "Mme."sv, "Mlle."sv, "Dr."sv, "Pr."sv,
                                      "p. ex."sv, "c.-à-d."sv, "env."sv, "av."sv,   "bd."sv, "vs."sv};
constexpr std::array kFrenchBeforeNumber = {"max."sv,  "min."sv,  "n°"sv,    "no."sv,  "p."sv,
                                            "fig."sv,  "janv."sv, "févr."sv, "avr."sv, "juil."sv,
                                            "sept."sv, "oct."sv,  "nov."sv,  "déc."sv, "tél."sv};
constexpr std::array kFrenchTimes = {"h."sv};
constexpr std::array kFrenchCalendar = {"lundi"sv,     "mardi"sv,    "mercredi"sv, "jeudi"sv,   "vendredi"sv,
                                        "samedi"sv,    "dimanche"sv, "janvier"sv,  "février"sv, "mars"sv,
                                        "avril"sv,     "mai"sv,      "juin"sv,     "juillet"sv, "août"sv,
                                        "septembre"sv, "octobre"sv,  "novembre"sv, "décembre"sv};
constexpr std::array kFrenchTitles = {"M."sv, "MM."sv, "Mme."sv, "Dr."sv, "Pr."sv};

// German.
constexpr std::array kGermanAlways = {"Dr."sv,   "Prof."sv, "Hr."sv,  "Fr."sv,  "z. B."sv, "d. h."sv,
                                      "u. a."sv, "bzw."sv,  "ca."sv,  "ggf."sv, "evtl."sv, "inkl."sv,
                                      "vgl."sv,  "sog."sv,  "Str."sv, "Tel."sv, "u. U."sv, "o. Ä."sv};
constexpr std::array kGermanBeforeNumber = {"Nr."sv,  "max."sv, "min."sv, "Std."sv,  "S."sv,   "Abb."sv, "Jan."sv,
                                            "Feb."sv, "Apr."sv, "Aug."sv, "Sept."sv, "Okt."sv, "Nov."sv, "Dez."sv};
constexpr std::array kGermanTimes = {"Uhr."sv};
constexpr std::array kGermanCalendar = {"Montag"sv,    "Dienstag"sv, "Mittwoch"sv, "Donnerstag"sv, "Freitag"sv,
                                        "Samstag"sv,   "Sonntag"sv,  "Januar"sv,   "Februar"sv,    "März"sv,
                                        "April"sv,     "Mai"sv,      "Juni"sv,     "Juli"sv,       "August"sv,
                                        "September"sv, "Oktober"sv,  "November"sv, "Dezember"sv};
constexpr std::array kGermanTitles = {"Dr."sv, "Prof."sv, "Hr."sv, "Fr."sv};

// Portuguese.
constexpr std::array kPortugueseAlways = {"Sr."sv,    "Sra."sv, "Dr."sv,   "Dra."sv,   "p. ex."sv,
                                          "aprox."sv, "Av."sv,  "Prof."sv, "Profa."sv, "vs."sv};
constexpr std::array kPortugueseBeforeNumber = {"máx."sv, "mín."sv, "n.º"sv,  "N.º"sv,  "pág."sv, "tel."sv,
                                                "fig."sv, "jan."sv, "fev."sv, "abr."sv, "jun."sv, "jul."sv,
                                                "ago."sv, "set."sv, "out."sv, "nov."sv, "dez."sv};
constexpr std::array kPortugueseTimes = {"h."sv};
constexpr std::array kPortugueseCalendar = {
    "segunda-feira"sv, "terça-feira"sv, "quarta-feira"sv, "quinta-feira"sv, "sexta-feira"sv, "sábado"sv, "domingo"sv,
    "janeiro"sv,       "fevereiro"sv,   "março"sv,        "abril"sv,        "maio"sv,        "junho"sv,  "julho"sv,
    "agosto"sv,        "setembro"sv,    "outubro"sv,      "novembro"sv,     "dezembro"sv};
constexpr std::array kPortugueseTitles = {"Sr."sv, "Sra."sv, "Dr."sv, "Dra."sv, "Prof."sv, "Profa."sv};

constexpr SentenceRules kEnglish{kEnglishAlways, kEnglishBeforeNumber, kEnglishTimes, kEnglishCalendar, kEnglishTitles};
constexpr SentenceRules kSpanish{kSpanishAlways, kSpanishBeforeNumber, kSpanishTimes, kSpanishCalendar, kSpanishTitles};
constexpr SentenceRules kFrench{kFrenchAlways, kFrenchBeforeNumber, kFrenchTimes, kFrenchCalendar, kFrenchTitles};
constexpr SentenceRules kGerman{kGermanAlways, kGermanBeforeNumber, kGermanTimes, kGermanCalendar, kGermanTitles};
constexpr SentenceRules kPortuguese{kPortugueseAlways, kPortugueseBeforeNumber, kPortugueseTimes, kPortugueseCalendar,
                                    kPortugueseTitles};
constexpr SentenceRules kNone{};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Opening punctuation that may stand before a word: "(max." is "max.".
std::string_view without_openers(std::string_view word) {
    while (!word.empty() && (word.front() == '(' || word.front() == '[' || word.front() == '"' ||
                             word.front() == '\'' || word.starts_with("\u201c") || word.starts_with("\u2018"))) {
        word.remove_prefix(
            word.front() == '(' || word.front() == '[' || word.front() == '"' || word.front() == '\'' ? 1 : 3);
    }
    return word;
}

// The last word of `text` (trailing white space ignored), and the text before it.
std::string_view last_word(std::string_view text, std::string_view* rest = nullptr) {
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    std::size_t start = text.size();
    while (start > 0 && !is_space(text[start - 1])) --start;
    if (rest) *rest = text.substr(0, start);
    return without_openers(text.substr(start));
}

std::string_view first_word(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size() && is_space(text[start])) ++start;
    std::size_t end = start;
    while (end < text.size() && !is_space(text[end])) ++end;
    return without_openers(text.substr(start, end - start));
}

// The word without the punctuation that may follow it (",", ";", ")").
std::string_view without_closers(std::string_view word) {
    while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ':' || word.back() == ')'))
        word.remove_suffix(1);
    return word;
}

bool listed(std::span<const std::string_view> list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// `word` begins with a listed word, whole: "Sat.–Sun." with "Sat.".
bool begins_with_listed(std::span<const std::string_view> list, std::string_view word) {
    for (const std::string_view entry : list) {
        if (!word.starts_with(entry)) continue;
        if (word.size() == entry.size() || entry.back() == '.') return true;
        const char next = word[entry.size()];
        if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) return true;
    }
    return false;
}

bool is_initial(std::string_view word) { return word.size() == 2 && is_upper(word[0]) && word[1] == '.'; }

// An abbreviation written in parts ("z. B.") cut by the break between
// them: `before` ends with its first parts, `after` starts with the rest.
bool inside_parts(std::span<const std::string_view> list, std::string_view before, std::string_view after) {
    while (!before.empty() && is_space(before.back())) before.remove_suffix(1);
    std::size_t start = 0;
    while (start < after.size() && is_space(after[start])) ++start;
    after.remove_prefix(start);
    for (const std::string_view abbreviation : list) {
        for (std::size_t space = abbreviation.find(' '); space != std::string_view::npos;
             space = abbreviation.find(' ', space + 1)) {
            const std::string_view head = abbreviation.substr(0, space), tail = abbreviation.substr(space + 1);
            if (!before.ends_with(head) || !after.starts_with(tail)) continue;
            const std::size_t at = before.size() - head.size();
            if (at == 0 || is_space(before[at - 1]) || before[at - 1] == '(') return true;
        }
    }
    return false;
}

// The abbreviation `before` ends with, counting those written in parts.
bool ends_with_listed(std::span<const std::string_view> list, std::string_view before) {
    while (!before.empty() && is_space(before.back())) before.remove_suffix(1);
    for (const std::string_view abbreviation : list) {
        if (!before.ends_with(abbreviation)) continue;
        const std::size_t at = before.size() - abbreviation.size();
        if (at == 0 || is_space(before[at - 1]) || before[at - 1] == '(' || before[at - 1] == '"') return true;
    }
    return false;
}

}  // namespace

const SentenceRules& sentence_rules(std::string_view language) {
    if (language == "en") return kEnglish;
    if (language == "es") return kSpanish;
    if (language == "fr") return kFrench;
    if (language == "de") return kGerman;
    if (language == "pt") return kPortuguese;
    return kNone;
}

bool continues(const SentenceRules& rules, std::string_view before, std::string_view after) {
    if (inside_parts(rules.always, before, after) || inside_parts(rules.times, before, after)) return true;
    if (ends_with_listed(rules.always, before)) return true;
    std::string_view rest;
    const std::string_view last = last_word(before, &rest);
    const std::string_view next = without_closers(first_word(after));
    const bool number_follows = !next.empty() && is_digit(next.front());
    if (number_follows && ends_with_listed(rules.before_number, before)) return true;
    if (ends_with_listed(rules.times, before) && (number_follows || begins_with_listed(rules.after_time, next)))
        return true;
    // "Dr. J. R. Alvarez": an initial after a title or an initial, or before another.
    if (is_initial(last)) {
        const std::string_view previous = last_word(rest);
        if (listed(rules.titles, previous) || is_initial(previous) || is_initial(next)) return true;
    }
    return false;
}

}  // namespace medloc::locales
