// vocabulary: the words of medloc's review workflow, as enums, each with one
// printer and one parser (DESIGN.md, "States of a translation" and
// "Reviews and review dates").
//
// The database and the event log store these words as text, exactly as
// printed here, so that projects written before the enums existed read
// unchanged, and so that the hash chain over the log stays the same. A
// parser returns nothing for a word it does not know; callers decide whether
// that is bad input (a command line) or a damaged project (a stored row).
#pragma once

#include <optional>
#include <string_view>

namespace medloc::reviews {

// The state of one segment's translation in one locale, in workflow order:
// a state later in this list is further along.
enum class State { new_, needs_translation, translated, revised, approved };
inline constexpr State kStates[] = {State::new_, State::needs_translation, State::translated, State::revised,
                                    State::approved};

// Nothing has been translated, or what was is no longer a translation of the
// current source (rejected, or the source changed).
bool is_untranslated(State state);

// Who a person acts as. `system` is medloc itself (re-extraction).
enum class Role { translator, reviser, clinical, publisher, system };

// What a reviewer does to a translation.
// `waive`: accept a target's open QA errors as they stand (a clinician's act).
// `keep_source`: confirm that a segment's right translation is its source
// text (a reference title, a brand or drug name): a translation like any
// other, by the person who confirms it.
enum class Act { revise, approve, reject, waive, keep_source };

// What a change of one segment's translation means, as the log records it.
// `waived`: a clinician accepted a QA error of the target as it stands; it
// changes no state. `kept_source`: a translation that a person confirmed is
// the source text itself (Act::keep_source, import --confirm-source-copies).
enum class Meaning { translated, revised, approved, rejected, invalidated, waived, kept_source };

const char* to_string(State state);
const char* to_string(Role role);
const char* to_string(Act act);
const char* to_string(Meaning meaning);

std::optional<State> parse_state(std::string_view text);
std::optional<Role> parse_role(std::string_view text);
std::optional<Act> parse_act(std::string_view text);
std::optional<Meaning> parse_meaning(std::string_view text);

}  // namespace medloc::reviews
