// names: what medloc accepts as a person's printed name or id, and when two
// of them could be taken for one another (ICU's normalizer and spoof
// checker, not a list of medloc's own).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace medloc::locales {

// `name` in NFC with its white space as single ASCII spaces, or why it
// cannot be a printed name: empty, too long, or holding a control or format
// character (a newline, an escape, a zero-width space, a direction mark).
struct CheckedName {
    std::string name;     // when accepted
    std::string problem;  // when refused, in a publisher's words
};
CheckedName check_name(std::string_view name);

// Why `id` cannot be a person's id, or "": ids are 1 to 32 characters of
// a-z, 0-9, '.', '_' and '-', starting with a letter, so that they are typed
// and read without doubt.
std::string id_problem(std::string_view id);

// True when a reader could take `a` and `b` for the same person: the same
// after case folding and ICU's confusable skeleton (Cyrillic "А" for "A"),
// leaving out punctuation and abbreviations such as "Dr." ("Ana Ruiz.",
// "Dr. Ana Ruiz" and "ana ruiz" are all Ana Ruiz).
bool names_confusable(std::string_view a, std::string_view b);

// True when two ids could be taken for one another ("ana" and "аna", "bcn1"
// and "bcnl").
bool ids_confusable(std::string_view a, std::string_view b);

// `text` safe to print on a terminal: control, format and direction
// characters shown as \u{XXXX} (\n as \n), everything else as it is.
std::string visible(std::string_view text);

}  // namespace medloc::locales
