// The four-eyes rules (app/decisions.h), decided in one place for the CLI,
// XLIFF sign-offs and the web workspace.
#include "app/decisions.h"

#include <catch2/catch.hpp>

using namespace medloc::pipeline;
using medloc::reviews::Act;
using medloc::reviews::Contributor;
using medloc::reviews::Role;
using medloc::reviews::State;
using medloc::reviews::TargetPeople;

namespace {

const Contributor kAna{"ana", "Ana Ruiz"};
const Contributor kBen{"ben", "Ben Ode"};
const Contributor kCarla{"carla", "Dr. Carla Chen"};
const TargetPeople kTranslatedByAna{{kAna}, std::nullopt, std::nullopt, {}};
const TargetPeople kRevisedByBen{{kAna}, kBen, std::nullopt, {}};

}  // namespace

TEST_CASE("a reviser revises someone else's translation, never their own", "[app][four-eyes]") {
    const Decision ok = decide(Act::revise, State::translated, kTranslatedByAna, kBen, Role::reviser);
    CHECK(ok.kind == Decision::Kind::apply);
    CHECK(ok.state == State::revised);
    const Decision own = decide(Act::revise, State::translated, kTranslatedByAna, kAna, Role::reviser);
    CHECK(own.kind == Decision::Kind::refuse);
    CHECK(own.reason == "Ana Ruiz translated it; a second person must revise it");
    CHECK(decide(Act::revise, State::translated, kTranslatedByAna, kBen, Role::clinical).kind ==
          Decision::Kind::refuse);
    CHECK(decide(Act::revise, State::new_, kTranslatedByAna, kBen, Role::reviser).reason == "not translated yet");
    CHECK(decide(Act::revise, State::revised, kRevisedByBen, {"cy", "Cy"}, Role::reviser).kind == Decision::Kind::skip);
}

TEST_CASE("every author of a target counts: who imported it and whom for", "[app][four-eyes]") {
    const TargetPeople imported_for_ana{{{"coord", "Cory Coordinator"}, kAna}, std::nullopt, std::nullopt, {}};
    CHECK(decide(Act::revise, State::translated, imported_for_ana, kAna, Role::reviser).kind == Decision::Kind::refuse);
    CHECK(decide(Act::revise, State::translated, imported_for_ana, {"coord", "Cory Coordinator"}, Role::reviser).kind ==
          Decision::Kind::refuse);
    CHECK(decide(Act::revise, State::translated, imported_for_ana, kBen, Role::reviser).kind == Decision::Kind::apply);
}

TEST_CASE("people compare by id, and two people who share a name are two people", "[app][four-eyes]") {
    CHECK(same_person(kAna, {"ana", "Someone Else"}));
    CHECK_FALSE(same_person(kAna, {"ana2", "Ana Ruiz"}));
    // A name from a log written before people were registered compares by name.
    CHECK(same_person({"", "ana  RUIZ"}, kAna));
    CHECK(same_person({"", "ÁNA Ruiz"}, {"", "ána ruiz"}));
    CHECK_FALSE(same_person({"", "Ana Ruiz"}, {"", "Ana Ruíz"}));
}

TEST_CASE("a clinician approves what a reviser revised, and is neither of them", "[app][four-eyes]") {
    const Decision ok = decide(Act::approve, State::revised, kRevisedByBen, kCarla, Role::clinical);
    CHECK(ok.kind == Decision::Kind::apply);
    CHECK(ok.state == State::approved);
    CHECK(decide(Act::approve, State::translated, kTranslatedByAna, kCarla, Role::clinical).reason ==
          "not revised yet; a reviser must revise it first");
    CHECK(decide(Act::approve, State::revised, kRevisedByBen, kAna, Role::clinical).reason ==
          "Ana Ruiz translated it; the clinical approver must be someone else");
    CHECK(decide(Act::approve, State::revised, kRevisedByBen, kBen, Role::clinical).reason ==
          "Ben Ode revised it; the clinical approver must be someone else");
    CHECK(decide(Act::approve, State::revised, kRevisedByBen, kCarla, Role::reviser).reason ==
          "clinical approval takes the clinical role");
    CHECK(decide(Act::approve, State::approved, kRevisedByBen, kCarla, Role::clinical).kind == Decision::Kind::skip);
}

TEST_CASE("a rejection sends work back, and there is nothing to reject before it", "[app][four-eyes]") {
    const Decision rejected = decide(Act::reject, State::approved, kRevisedByBen, kCarla, Role::clinical);
    CHECK(rejected.kind == Decision::Kind::apply);
    CHECK(rejected.state == State::needs_translation);
    CHECK(decide(Act::reject, State::new_, {}, kBen, Role::reviser).kind == Decision::Kind::skip);
    CHECK(decide(Act::reject, State::translated, kTranslatedByAna, kAna, Role::translator).kind ==
          Decision::Kind::refuse);
}
