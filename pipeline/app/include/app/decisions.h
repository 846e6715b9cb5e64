// decisions: who may move a translation to which state (DESIGN.md,
// "States" and "People and signatures"), decided here only, for the review
// command, for sign-offs that come back in XLIFF, and for the web workspace
// to come.
//
//   translated -> revised      by a reviser who is none of its authors
//   revised    -> approved     by a clinician who is neither an author nor its reviser
//   any work   -> needs-translation  on rejection, by a reviser or clinician
//
// Four eyes compares people: registered ids, and only for log entries from
// before people were registered, names (case and spacing aside).
#pragma once

#include "reviews/people.h"
#include "reviews/vocabulary.h"

#include <string>

namespace medloc::pipeline {

bool same_person(const reviews::Contributor& a, const reviews::Contributor& b);

// True when `person` wrote or revised the current target: such a person
// signs no clinical review of the document it is in.
bool took_part(const reviews::TargetPeople& people, const reviews::Contributor& person);

struct Decision {
    enum class Kind { apply, skip, refuse };
    Kind kind = Kind::skip;
    reviews::State state = reviews::State::new_;           // apply: the state it leaves
    reviews::Meaning meaning = reviews::Meaning::revised;  // apply: what the act means, for the event
    std::string reason;                                    // skip or refuse: why, in a reviewer's words
};

// `state` is the translation's current state (new when there is none).
Decision decide(reviews::Act act, reviews::State state, const reviews::TargetPeople& people,
                const reviews::Contributor& actor, reviews::Role role);

}  // namespace medloc::pipeline
