// checker.cpp - the checks of one translation (see qa.h).
#include "addresses.h"
#include "language.h"
#include "numbers.h"
#include "qa/qa.h"
#include "text.h"

#include "locales/locales.h"

#include <unicode/uchar.h>
#include <algorithm>
#include <cmath>

namespace medloc::qa {
namespace {

std::string piece(std::string_view text, Span span) {
    return std::string(text.substr(span.begin, span.end - span.begin));
}

std::string quoted(std::string_view text) { return "\u201c" + std::string(text) + "\u201d"; }

Finding finding(Check check, Severity severity, std::string message, std::string_view source, Span in_source,
                std::string_view target, Span in_target) {
    return {
        check, severity, std::move(message), in_source, in_target, piece(source, in_source), piece(target, in_target)};
}

// A number with the unit written after it, as the reader sees them.
Span with_unit(const Number& number) {
    return {number.span.begin, number.unit_span.empty() ? number.span.end : number.unit_span.end};
}

std::string number_text(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

// Whether `word` stands as a word in `text` (folded alike) at `at`.
bool word_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.substr(at, word.size()) != word) return false;
    const char32_t last = char_at(word, char_before(word, word.size())).code;
    const bool whole_end = is_letter(last) && !is_unspaced(last);
    const bool start_ok = is_unspaced(char_at(word, 0).code) || word_starts(text, at);
    return start_ok && (!whole_end || word_ends(text, at + word.size()));
}

// Where `word` stands as a word in `text` (folded alike), from `from`.
std::optional<Span> find_word(std::string_view text, std::string_view word, std::size_t from = 0) {
    for (std::size_t at = text.find(word, from); at != std::string_view::npos; at = text.find(word, at + 1))
        if (word_at(text, at, word)) return Span{at, at + word.size()};
    return std::nullopt;
}

// "No. 5" numbers an item; it negates nothing.
bool numbers_an_item(std::string_view folded, std::string_view word, std::size_t after) {
    return word == "no" && after + 1 < folded.size() && folded[after] == '.' &&
           (is_digit(char_at(folded, after + 1).code) ||
            (folded[after + 1] == ' ' && after + 2 < folded.size() && is_digit(char_at(folded, after + 2).code)));
}

// The first negation of `language` in `folded` text. One pass tries, at each
// place, the words that begin with its byte (a search per word was a tenth
// of every check); of two at one place, the one listed first.
std::optional<Span> negation_in(std::string_view folded, const Language& language) {
    std::optional<Span> first;
    const auto ascii_joins = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    for (std::size_t at = 0; at < folded.size() && !first; ++at) {
        const auto byte = static_cast<unsigned char>(folded[at]);
        // Most places: inside a word, where none that begins with ASCII stands.
        if (byte < 0x80 && at > 0 && ascii_joins(folded[at - 1])) continue;
        for (const std::size_t index : language.negation_by_first_byte[byte]) {
            const std::string& word = language.negation[index];
            if (word_at(folded, at, word) && !numbers_an_item(folded, word, at + word.size())) {
                first = Span{at, at + word.size()};
                break;
            }
        }
    }
    for (const std::string& part : language.negation_parts)
        if (const std::size_t at = folded.find(part); at != std::string_view::npos && (!first || at < first->begin))
            first = Span{at, at + part.size()};
    return first;
}

// Characters that show nothing or reorder what is shown.
bool is_invisible(char32_t c) {
    return c == U'\u061C' || c == U'\u180E' || c == U'\u200B' || c == U'\u200E' || c == U'\u200F' ||
           (c >= U'\u202A' && c <= U'\u202E') || (c >= U'\u2060' && c <= U'\u2064') ||
           (c >= U'\u2066' && c <= U'\u2069') || c == U'\uFEFF';
}

std::string character_name(char32_t c) {
    char name[128] = {};
    UErrorCode status = U_ZERO_ERROR;
    u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    return std::string(code) + (U_SUCCESS(status) && name[0] ? std::string(" ") + name : std::string());
}

bool is_dose_unit(std::string_view unit) {
    for (const std::string_view dose : {"mg", "mcg", "g", "kg", "mL", "L", "units", "mEq", "mmol", "tsp", "tbsp"})
        if (unit == dose || unit.starts_with(std::string(dose) + "/")) return true;
    return false;
}

std::size_t letter_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t at = 0; at < text.size();) {
        const Char c = char_at(text, at);
        const bool letter = is_letter(c.code);
        if (letter && !in_word) ++words;
        in_word = letter;
        at = c.next;
    }
    return words;
}

// ISMP's list of error-prone ways to write a dose, as they show in a text.
struct Designation {
    enum class Kind { trailing_zero, naked_decimal, glued, unit_u, cc, microgram, daily } kind;
    Span span;
};

std::vector<Designation> designations(std::string_view text, const std::vector<Number>& numbers) {
    std::vector<Designation> found;
    for (const Number& number : numbers) {
        if (number.unit.empty() || !is_dose_unit(number.unit)) continue;
        if (number.trailing_zero) found.push_back({Designation::Kind::trailing_zero, with_unit(number)});
        if (number.naked_decimal) found.push_back({Designation::Kind::naked_decimal, with_unit(number)});
        if (number.glued) found.push_back({Designation::Kind::glued, with_unit(number)});
        const std::string_view written = number.unit_text;
        if (written == "U" || written == "IU" || written == "UI" || written == "u")
            found.push_back({Designation::Kind::unit_u, number.unit_span});
        if (written == "cc") found.push_back({Designation::Kind::cc, number.unit_span});
        if (written.starts_with("\u00B5g") || written.starts_with("\u03BCg") || written == "ug")
            found.push_back({Designation::Kind::microgram, number.unit_span});
    }
    for (const std::string_view daily : {"qd", "QD", "q.d.", "Q.D.", "qod", "QOD", "q.o.d.", "Q.O.D."})
        for (std::size_t at = text.find(daily); at != std::string_view::npos; at = text.find(daily, at + 1))
            if (stands_alone(text, at, at + daily.size()))
                found.push_back({Designation::Kind::daily, {at, at + daily.size()}});
    return found;
}

std::string designation_message(const Designation& designation, std::string_view written) {
    const std::string what = quoted(written);
    switch (designation.kind) {
    case Designation::Kind::trailing_zero:
        return what + " has a trailing zero: it can be misread as ten times the dose; write the number without it";
    case Designation::Kind::naked_decimal:
        return what +
               " has no zero before its decimal mark: it can be misread as ten times the dose; write 0 before it";
    case Designation::Kind::glued:
        return what + " runs the dose into its unit: it can be misread; put a space between number and unit";
    case Designation::Kind::unit_u:
        return what + " for units can be misread as 0, 4 or cc; write the word (units, unidades, Einheiten, ...)";
    case Designation::Kind::cc: return what + " can be misread as u (units); write mL";
    case Designation::Kind::microgram: return what + " (\u00B5g) can be misread as mg; write mcg";
    case Designation::Kind::daily:
        return what +
               " (daily, every other day) is misread as QID or QD; write \"daily\" or \"every other day\" in words";
    }
    return what;
}

}  // namespace

const char* to_string(Check check) {
    switch (check) {
    case Check::numbers: return "numbers";
    case Check::units: return "units";
    case Check::dose_designation: return "dose-designation";
    case Check::negation: return "negation";
    case Check::untranslated: return "untranslated";
    case Check::empty: return "empty";
    case Check::addresses: return "addresses";
    case Check::invisible: return "invisible";
    case Check::glossary: return "glossary";
    }
    return "";
}

std::optional<Check> parse_check(std::string_view text) {
    for (const Check check : kChecks)
        if (text == to_string(check)) return check;
    return std::nullopt;
}

const char* to_string(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

std::string Finding::key() const { return std::string(to_string(check)) + '\x1f' + source_text + '\x1f' + target_text; }

std::size_t error_count(const std::vector<Finding>& findings) {
    std::size_t errors = 0;
    for (const Finding& finding : findings) errors += finding.severity == Severity::error;
    return errors;
}

namespace {

bool under_references(std::string_view context) {
    const std::string heading = locales::fold_case(context);
    for (const std::string_view references : {"reference", "bibliograph", "works cited", "sources", "citation"})
        if (heading.find(references) != std::string::npos) return true;
    return false;
}

bool is_capitalized_word(std::string_view word) {
    if (word.size() < 2 || word[0] < 'A' || word[0] > 'Z') return false;
    for (const char c : word.substr(1))
        if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
    return true;
}

// "Hoffart CM, Wallace DP." or "Varga L, et al."
bool is_author_list(std::string_view text) {
    if (text.ends_with('.')) text.remove_suffix(1);
    if (text.empty()) return false;
    while (!text.empty()) {
        const std::size_t comma = text.find(", ");
        const std::string_view author = text.substr(0, comma);
        const std::size_t space = author.find(' ');
        const bool initials =
            space != std::string_view::npos &&
            author.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ", space + 1) == std::string_view::npos &&
            author.size() - space - 1 <= 3 && author.size() > space + 1;
        if (author != "et al" && !(initials && is_capitalized_word(author.substr(0, space)))) return false;
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 2);
    }
    return true;
}

bool is_citation(std::string_view source) {
    const std::string folded = locales::fold_case(source);
    if (folded.find("doi:") != std::string::npos || folded.find("doi.org/") != std::string::npos) return true;
    if (const std::size_t at = folded.find("accessed ");
        at != std::string::npos && at + 9 < folded.size() && folded[at + 9] >= '0' && folded[at + 9] <= '9')
        return true;
    // A journal citation: "2017 Jun;52(6):741-748".
    for (std::size_t at = source.find(';'); at != std::string_view::npos; at = source.find(';', at + 1)) {
        std::size_t p = at + 1;
        while (p < source.size() && source[p] >= '0' && source[p] <= '9') ++p;
        if (p > at + 1 && p < source.size() && (source[p] == '(' || source[p] == ':')) return true;
    }
    return is_author_list(source);
}

// Nothing to translate: no letters outside addresses.
bool nothing_to_translate(std::string_view source) {
    std::string rest(source);
    const std::vector<Address> found = addresses_in(source);
    for (auto it = found.rbegin(); it != found.rend(); ++it) rest.erase(it->span.begin, it->span.end - it->span.begin);
    return letter_words(rest) == 0;
}

}  // namespace

std::vector<bool> kept_as_source(const std::vector<SegmentText>& document) {
    std::vector<bool> kept(document.size(), false);
    for (std::size_t i = 0; i < document.size(); ++i)
        kept[i] = under_references(document[i].context) || is_citation(document[i].source) ||
                  nothing_to_translate(document[i].source);
    // A list with a reference in it is a reference list: its titles and
    // publishers stay as published.
    for (std::size_t begin = 0; begin < document.size();) {
        std::size_t end = begin;
        bool references = false;
        for (; end < document.size() && document[end].list_item; ++end) references = references || kept[end];
        for (std::size_t i = begin; i < end; ++i) kept[i] = kept[i] || references;
        begin = end == begin ? begin + 1 : end;
    }
    return kept;
}

// A source and its target case-folded, as the word lists are.
struct Folded {
    std::string source;
    std::string target;
};

struct Checker::Impl {
    Impl(std::string_view from, std::string_view to, std::vector<Term> terms)
        : source_language(language_of(from)),
          target_language(language_of(to)),
          target_locale(to),
          source_numbers(from, source_language),
          target_numbers(to, target_language),
          glossary(std::move(terms)) {
        for (Term& term : glossary) {
            term.source = locales::fold_case(term.source);
            term.target = locales::fold_case(term.target);
        }
    }

    void empty_or_untranslated(std::string_view source, std::string_view target, bool keep,
                               std::vector<Finding>& out) const {
        if (same_without_spaces(source, {})) return;  // nothing to translate
        if (same_without_spaces(target, {})) {
            out.push_back(
                finding(Check::empty, Severity::error, "the target is empty", source, {0, source.size()}, target, {}));
            return;
        }
        // Squeezed only when it can be the same: most targets differ at once.
        if (keep || !same_without_spaces(source, target)) return;
        const std::string source_text = squeezed(source), target_text = squeezed(target);
        if (source_text != target_text) return;
        const bool sentence = letter_words(source_text) >= 3;
        out.push_back(finding(Check::untranslated, sentence ? Severity::error : Severity::warning,
                              sentence ? "the target is the source text, not translated"
                                       : "the target is the source text; fine for a name, otherwise translate it",
                              source, {0, source.size()}, target, {0, target.size()}));
    }

    void numbers_and_units(std::string_view source, const std::vector<Number>& from, std::string_view target,
                           const std::vector<Number>& to, const Folded& folded, std::vector<Finding>& out) const {
        std::vector<int> match(from.size(), -1);
        std::vector<bool> used(to.size(), false);
        const auto same_value = [](const Number& a, const Number& b) {
            if (a.means(b.value)) return true;
            for (const double value : b.also)
                if (a.means(value)) return true;
            return false;
        };
        // Pairs with the same value and unit first, then the same value.
        for (const bool by_unit : {true, false})
            for (std::size_t s = 0; s < from.size(); ++s) {
                if (match[s] >= 0 || (by_unit && from[s].unit.empty())) continue;
                for (std::size_t t = 0; t < to.size(); ++t)
                    if (!used[t] && same_value(from[s], to[t]) && (!by_unit || same_unit(from[s].unit, to[t].unit))) {
                        match[s] = static_cast<int>(t);
                        used[t] = true;
                        break;
                    }
            }
        const std::string& folded_target = folded.target;
        for (std::size_t s = 0; s < from.size(); ++s) {
            const Number& number = from[s];
            if (match[s] >= 0) {
                const Number& kept = to[static_cast<std::size_t>(match[s])];
                if (!number.unit.empty() && !same_unit(number.unit, kept.unit))
                    out.push_back(finding(
                        Check::units, Severity::error,
                        kept.unit.empty() ? quoted(piece(source, with_unit(number))) + " has no unit in the target (" +
                                                quoted(piece(target, with_unit(kept))) + ")"
                                          : quoted(piece(source, with_unit(number))) + " became " +
                                                quoted(piece(target, with_unit(kept))) + ": another unit",
                        source, with_unit(number), target, with_unit(kept)));
                continue;
            }
            if (spelled_out(number, folded_target)) continue;
            if (converted_in(source, number, target, to, used, out)) continue;
            // The target's numbers no source number took: what it may have become.
            std::optional<Span> instead;
            for (std::size_t t = 0; t < to.size() && !instead; ++t)
                if (!used[t]) {
                    instead = with_unit(to[t]);
                    used[t] = true;  // named here, not again as a number of its own
                }
            std::string message =
                "the source has " + quoted(piece(source, with_unit(number))) + ", the target does not";
            if (instead) message += "; it has " + quoted(piece(target, *instead)) + ", which the source does not";
            out.push_back(finding(Check::numbers, Severity::error, std::move(message), source, with_unit(number),
                                  target, instead.value_or(Span{})));
        }
        // A number only the target has: the source's own word for it ("twice"
        // as "2 veces") is no finding; a source word for another number
        // ("one strength" as "2 types") or a dose no one gave is an error;
        // anything else a warning.
        const std::string& folded_source = folded.source;
        for (std::size_t t = 0; t < to.size(); ++t) {
            if (used[t]) continue;
            std::optional<std::pair<int, Span>> other_word;
            bool said = false;
            for (const auto& [value, words] : source_language.number_words)
                for (const std::string& word : words)
                    if (const auto span = find_word(folded_source, word)) {
                        said = said || to[t].means(value);
                        if (!other_word && !any_means(to, value)) other_word = {value, *span};
                    }
            if (said) continue;
            if (other_word) {
                out.push_back(finding(Check::numbers, Severity::error,
                                      "the source says " + quoted(piece(folded_source, other_word->second)) + " (" +
                                          std::to_string(other_word->first) + "), the target has " +
                                          quoted(piece(target, with_unit(to[t]))) + " instead",
                                      source, folded_source.size() == source.size() ? other_word->second : Span{},
                                      target, with_unit(to[t])));
                continue;
            }
            const bool dose = is_dose_unit(to[t].unit);
            out.push_back(finding(Check::numbers, dose ? Severity::error : Severity::warning,
                                  "the target has " + quoted(piece(target, with_unit(to[t]))) +
                                      ", which the source does not" +
                                      (dose ? ": a dose or quantity no one asked for" : "; check that it belongs"),
                                  source, {}, target, with_unit(to[t])));
        }
        for (const Number& number : to)
            if (number.other_convention)
                out.push_back(finding(Check::numbers, Severity::error,
                                      quoted(piece(target, number.span)) + " is written with the decimal mark " +
                                          target_locale +
                                          " does not use: a reader may take it for another number; "
                                          "write it as " +
                                          target_locale + " writes numbers",
                                      source, {}, target, number.span));
    }

    static bool any_means(const std::vector<Number>& numbers, int value) {
        for (const Number& number : numbers)
            if (number.means(value)) return true;
        return false;
    }

    // "two puffs" for "2 puffs", in languages with word lists.
    bool spelled_out(const Number& number, std::string_view folded_target) const {
        // Only small whole numbers have words (and only they fit an int).
        if (number.value != std::floor(number.value) || number.value < 0 || number.value > 1000) return false;
        const auto words = target_language.number_words.find(static_cast<int>(number.value));
        if (words == target_language.number_words.end()) return false;
        for (const std::string& word : words->second)
            if (find_word(folded_target, word)) return true;
        return false;
    }

    // A number whose unit was converted (lb to kg, °F to °C) is a change for
    // a clinician to confirm, not a pass.
    bool converted_in(std::string_view source, const Number& number, std::string_view target,
                      const std::vector<Number>& to, std::vector<bool>& used, std::vector<Finding>& out) const {
        if (number.unit.empty()) return false;
        for (std::size_t t = 0; t < to.size(); ++t) {
            if (used[t] || to[t].unit.empty()) continue;
            const std::optional<double> expected = converted(number.value, number.unit, to[t].unit);
            if (!expected || std::fabs(to[t].value - *expected) > std::max(0.05 * std::fabs(*expected), 0.051))
                continue;
            used[t] = true;
            out.push_back(finding(Check::units, Severity::error,
                                  quoted(piece(source, with_unit(number))) + " was converted to " +
                                      quoted(piece(target, with_unit(to[t]))) + " (" + number_text(*expected) + " " +
                                      to[t].unit + "): a converted dose or measure must be confirmed by a clinician",
                                  source, with_unit(number), target, with_unit(to[t])));
            return true;
        }
        return false;
    }

    void dose_designations(std::string_view source, const std::vector<Number>& from, std::string_view target,
                           const std::vector<Number>& to, std::vector<Finding>& out) const {
        const std::vector<Designation> in_source = designations(source, from);
        for (const Designation& designation : designations(target, to)) {
            bool source_has = false;
            for (const Designation& same : in_source) source_has = source_has || same.kind == designation.kind;
            out.push_back(finding(Check::dose_designation, source_has ? Severity::warning : Severity::error,
                                  designation_message(designation, piece(target, designation.span)) +
                                      (source_has ? " (the source writes it so too)" : ""),
                                  source, {}, target, designation.span));
        }
    }

    void negation(std::string_view source, std::string_view target, const Folded& folded,
                  std::vector<Finding>& out) const {
        if (!source_language.knows_negation() || !target_language.knows_negation()) return;
        const std::string& folded_source = folded.source;
        const std::optional<Span> negated = negation_in(folded_source, source_language);
        if (!negated || negation_in(folded.target, target_language)) return;
        const bool aligned = folded_source.size() == source.size();
        Finding found = finding(Check::negation, Severity::error,
                                "the source negates (" + quoted(piece(folded_source, *negated)) +
                                    ") and the target has no negation: check that it does not say the opposite",
                                source, aligned ? *negated : Span{}, target, {});
        out.push_back(std::move(found));
    }

    void addresses(std::string_view source, const std::vector<Address>& from, std::string_view target,
                   const std::vector<Address>& to, std::vector<Finding>& out) const {
        std::vector<bool> used(to.size(), false);
        for (const Address& address : from) {
            bool kept = false;
            for (std::size_t t = 0; t < to.size() && !kept; ++t)
                if (!used[t] && to[t].kind == address.kind && to[t].key == address.key) used[t] = kept = true;
            if (kept) continue;
            const char* what = address.kind == Address::Kind::url     ? "the address "
                               : address.kind == Address::Kind::email ? "the e-mail address "
                                                                      : "the phone number ";
            out.push_back(finding(Check::addresses, Severity::error,
                                  what + quoted(piece(source, address.span)) +
                                      " is not in the target: it was left out or changed, and would reach no one",
                                  source, address.span, target, {}));
        }
    }

    void invisible(std::string_view source, std::string_view target, std::vector<Finding>& out) const {
        std::u32string in_source;
        for (std::size_t at = 0; at < source.size();) {
            const Char c = char_at(source, at);
            if (is_invisible(c.code)) in_source += c.code;
            at = c.next;
        }
        for (std::size_t at = 0; at < target.size();) {
            const Char c = char_at(target, at);
            if (is_invisible(c.code)) {
                if (const std::size_t kept = in_source.find(c.code); kept != std::u32string::npos) {
                    in_source.erase(kept, 1);
                } else {
                    out.push_back(finding(Check::invisible, Severity::error,
                                          "the target has " + character_name(c.code) +
                                              ", an invisible character the source does not have: it can hide or "
                                              "reorder what the reader sees; remove it",
                                          source, {}, target, {at, c.next}));
                }
            }
            at = c.next;
        }
    }

    void terms(std::string_view source, std::string_view target, const Folded& folded,
               std::vector<Finding>& out) const {
        if (glossary.empty()) return;
        const std::string &folded_source = folded.source, &folded_target = folded.target;
        // Places in the folded text are places in the text when folding kept its length.
        const auto in_source = [&](Span span) { return folded_source.size() == source.size() ? span : Span{}; };
        const auto in_target = [&](Span span) { return folded_target.size() == target.size() ? span : Span{}; };
        std::vector<std::string_view> missing;  // source terms already reported
        for (const Term& term : glossary) {
            if (term.kind == Term::Kind::forbidden) {
                if (const auto used = find_word(folded_target, term.target))
                    out.push_back(finding(Check::glossary, Severity::error,
                                          quoted(piece(folded_target, *used)) + " is a forbidden term in the glossary" +
                                              (term.source.empty() ? "" : " (for " + quoted(term.source) + ")") +
                                              "; use the approved term",
                                          source, {}, target, in_target(*used)));
                continue;
            }
            const std::optional<Span> found =
                term.source.empty() ? std::nullopt : find_word(folded_source, term.source);
            if (!found || std::find(missing.begin(), missing.end(), term.source) != missing.end()) continue;
            // Any approved term of the source term will do.
            bool kept = false;
            for (const Term& other : glossary)
                kept = kept || (other.kind != Term::Kind::forbidden && other.source == term.source &&
                                find_word(folded_target, other.target));
            if (kept) continue;
            missing.push_back(term.source);
            out.push_back(finding(Check::glossary, Severity::warning,
                                  term.kind == Term::Kind::do_not_translate
                                      ? quoted(term.source) + " is not to be translated (glossary), and the target "
                                                              "does not keep it"
                                      : "the glossary's term for " + quoted(term.source) + " is " +
                                            quoted(term.target) + "; the target does not use it",
                                  source, in_source(*found), target, {}));
        }
    }

    const Language& source_language;
    const Language& target_language;
    std::string target_locale;
    NumberReader source_numbers;
    NumberReader target_numbers;
    std::vector<Term> glossary;
};

Checker::Checker(std::string_view source_locale, std::string_view target_locale, std::vector<Term> glossary)
    : impl_(std::make_unique<Impl>(source_locale, target_locale, std::move(glossary))) {}

Checker::~Checker() = default;

bool Checker::checks_negation() const { return impl_->target_language.knows_negation(); }

std::vector<Finding> Checker::check(std::string_view source, std::string_view target, bool keep_as_source) const {
    std::vector<Finding> out;
    impl_->empty_or_untranslated(source, target, keep_as_source, out);
    if (!out.empty() && out.front().check == Check::empty) return out;
    const std::vector<Address> source_addresses = addresses_in(source), target_addresses = addresses_in(target);
    std::vector<Span> source_skip, target_skip;
    for (const Address& address : source_addresses) source_skip.push_back(address.span);
    for (const Address& address : target_addresses) target_skip.push_back(address.span);
    const std::vector<Number> from = impl_->source_numbers.read(source, source_skip);
    const std::vector<Number> to = impl_->target_numbers.read(target, target_skip);
    const Folded folded{locales::fold_case(source),
                        locales::fold_case(target)};  // once, for every check that compares words
    impl_->numbers_and_units(source, from, target, to, folded, out);
    impl_->dose_designations(source, from, target, to, out);
    impl_->negation(source, target, folded, out);
    impl_->addresses(source, source_addresses, target, target_addresses, out);
    impl_->invisible(source, target, out);
    impl_->terms(source, target, folded, out);
    return out;
}

}  // namespace medloc::qa
