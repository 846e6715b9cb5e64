// workflow: who may move a translation to which state (DESIGN.md, "States").
//
//   translated -> revised      by a reviser who is not its translator
//   revised    -> approved     by a clinical reviewer who is neither
//   any work   -> needs-translation  on rejection, by a reviser or clinician
//
// The same rules hold for the review command and for sign-offs that come
// back in XLIFF from a CAT tool; the callers turn refusals into blockers.
#pragma once

#include "reviews/store.h"

#include <optional>
#include <string>
#include <string_view>

namespace medloc::reviews {

enum class Act { revise, approve, reject };

// The people behind a translation's current target, from its events.
struct People {
    std::string translator;         // who wrote the current target
    std::string reviser;            // who revised it since, if anyone
    std::optional<Event> approval;  // its clinical approval since, if any
};
People people_of(Store& store, std::string_view segment_id, std::string_view locale);

// Names compare without regard to case or repeated spaces.
bool same_person(std::string_view a, std::string_view b);

struct Decision {
    enum class Kind { apply, skip, refuse };
    Kind kind = Kind::skip;
    std::string state;    // apply: the state it leaves
    std::string meaning;  // apply: what the act means, for the event
    std::string reason;   // skip or refuse: why, in a reviewer's words
};

// `state` is the translation's current state ("new" when there is none).
Decision decide(Act act, std::string_view state, const People& people, std::string_view actor, std::string_view role);

}  // namespace medloc::reviews
