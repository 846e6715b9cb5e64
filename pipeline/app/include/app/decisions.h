// decisions: who may move a translation to which state (DESIGN.md,
// "States"), decided here only, for the review command, for sign-offs that
// come back in XLIFF, and for the web workspace to come.
//
//   translated -> revised      by a reviser who is not its translator
//   revised    -> approved     by a clinical reviewer who is neither
//   any work   -> needs-translation  on rejection, by a reviser or clinician
#pragma once

#include "reviews/people.h"
#include "reviews/vocabulary.h"

#include <optional>
#include <string>
#include <string_view>

namespace medloc::pipeline {

// Names compare without regard to case (ICU case folding) or repeated
// white space.
bool same_person(std::string_view a, std::string_view b);

struct Decision {
    enum class Kind { apply, skip, refuse };
    Kind kind = Kind::skip;
    reviews::State state = reviews::State::new_;           // apply: the state it leaves
    reviews::Meaning meaning = reviews::Meaning::revised;  // apply: what the act means, for the event
    std::string reason;                                    // skip or refuse: why, in a reviewer's words
};

// `state` is the translation's current state (new when there is none).
Decision decide(reviews::Act act, reviews::State state, const reviews::People& people, std::string_view actor,
                reviews::Role role);

}  // namespace medloc::pipeline
