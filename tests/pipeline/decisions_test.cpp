// The four-eyes rules (app/decisions.h), decided in one place for the CLI,
// XLIFF sign-offs and the web workspace.
#include "app/decisions.h"

#include <catch2/catch.hpp>

using namespace medloc::pipeline;
using medloc::reviews::Act;
using medloc::reviews::People;
using medloc::reviews::Role;
using medloc::reviews::State;

namespace {

const People kTranslatedByAna{"Ana Ruiz", {}, std::nullopt};
const People kRevisedByBen{"Ana Ruiz", "Ben Ode", std::nullopt};

}  // namespace

TEST_CASE("a reviser revises someone else's translation, never their own", "[app][four-eyes]") {
    const Decision ok = decide(Act::revise, State::translated, kTranslatedByAna, "Ben Ode", Role::reviser);
    CHECK(ok.kind == Decision::Kind::apply);
    CHECK(ok.state == State::revised);
    const Decision own = decide(Act::revise, State::translated, kTranslatedByAna, " ana   RUIZ ", Role::reviser);
    CHECK(own.kind == Decision::Kind::refuse);
    CHECK(own.reason == "Ana Ruiz translated it; a second person must revise it");
    CHECK(decide(Act::revise, State::translated, kTranslatedByAna, "Ben Ode", Role::clinical).kind ==
          Decision::Kind::refuse);
    CHECK(decide(Act::revise, State::new_, kTranslatedByAna, "Ben Ode", Role::reviser).reason == "not translated yet");
    CHECK(decide(Act::revise, State::revised, kRevisedByBen, "Cy", Role::reviser).kind == Decision::Kind::skip);
}

TEST_CASE("a clinician approves what a reviser revised, and is neither of them", "[app][four-eyes]") {
    const Decision ok = decide(Act::approve, State::revised, kRevisedByBen, "Dr. Carla Chen", Role::clinical);
    CHECK(ok.kind == Decision::Kind::apply);
    CHECK(ok.state == State::approved);
    CHECK(decide(Act::approve, State::translated, kTranslatedByAna, "Dr. Carla Chen", Role::clinical).reason ==
          "not revised yet; a reviser must revise it first");
    CHECK(decide(Act::approve, State::revised, kRevisedByBen, "ANA RUIZ", Role::clinical).reason ==
          "Ana Ruiz translated it; the clinical approver must be someone else");
    CHECK(decide(Act::approve, State::revised, kRevisedByBen, "ben ode", Role::clinical).reason ==
          "Ben Ode revised it; the clinical approver must be someone else");
    CHECK(decide(Act::approve, State::revised, kRevisedByBen, "Dr. Carla Chen", Role::reviser).reason ==
          "clinical approval takes --role clinical");
    CHECK(decide(Act::approve, State::approved, kRevisedByBen, "Dr. Carla Chen", Role::clinical).kind ==
          Decision::Kind::skip);
}

TEST_CASE("a rejection sends work back, and there is nothing to reject before it", "[app][four-eyes]") {
    const Decision rejected = decide(Act::reject, State::approved, kRevisedByBen, "Dr. Carla Chen", Role::clinical);
    CHECK(rejected.kind == Decision::Kind::apply);
    CHECK(rejected.state == State::needs_translation);
    CHECK(decide(Act::reject, State::new_, {}, "Ben Ode", Role::reviser).kind == Decision::Kind::skip);
    CHECK(decide(Act::reject, State::translated, kTranslatedByAna, "Ana Ruiz", Role::translator).kind ==
          Decision::Kind::refuse);
}

TEST_CASE("names are the same person whatever their case, accents' case or spacing", "[app][four-eyes]") {
    CHECK(same_person("Ana Ruiz", "ana  ruiz"));
    CHECK(same_person("ÁNA Ruiz", "ána ruiz"));
    CHECK_FALSE(same_person("Ana Ruiz", "Ana Ruíz"));
}
