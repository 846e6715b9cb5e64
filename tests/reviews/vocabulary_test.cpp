// The review vocabulary (reviews/vocabulary.h): every word prints as it is
// stored and parses back; no other word parses.
#include "reviews/vocabulary.h"

#include <catch2/catch.hpp>

#include <string>

using namespace medloc::reviews;

TEST_CASE("states print as DESIGN.md names them, in workflow order", "[reviews][vocabulary]") {
    std::string order;
    for (const State state : kStates) order += std::string(to_string(state)) + " ";
    CHECK(order == "new needs-translation translated revised approved ");
    for (const State state : kStates) CHECK(parse_state(to_string(state)) == state);
    CHECK_FALSE(parse_state("final"));
    CHECK_FALSE(parse_state("Approved"));
    CHECK(is_untranslated(State::new_));
    CHECK(is_untranslated(State::needs_translation));
    CHECK_FALSE(is_untranslated(State::translated));
}

TEST_CASE("roles, acts and meanings print and parse as stored", "[reviews][vocabulary]") {
    for (const Role role : {Role::translator, Role::reviser, Role::clinical, Role::publisher, Role::system})
        CHECK(parse_role(to_string(role)) == role);
    for (const Act act : {Act::revise, Act::approve, Act::reject}) CHECK(parse_act(to_string(act)) == act);
    for (const Meaning meaning :
         {Meaning::translated, Meaning::revised, Meaning::approved, Meaning::rejected, Meaning::invalidated})
        CHECK(parse_meaning(to_string(meaning)) == meaning);
    CHECK(std::string(to_string(Meaning::approved)) == "approved for clinical accuracy");
    CHECK_FALSE(parse_role("doctor"));
    CHECK_FALSE(parse_meaning("approved"));
}
