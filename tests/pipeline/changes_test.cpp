// Change pairing (extract/changes.h): which new sentence is the edited form
// of which old one.
#include "extract/changes.h"

#include <catch2/catch.hpp>

using namespace medloc::pipeline;

TEST_CASE("an edited sentence pairs with the one it was edited from, in its place", "[extract][changes]") {
    const std::vector<Sentence> before = {{"a", "Give 5 mL every 6 hours."},
                                          {"b", "Call your doctor if the fever lasts."},
                                          {"c", "Keep out of reach of children."}};
    const std::vector<Sentence> after = {{"a", "Give 5 mL every 6 hours."},
                                         {"b2", "Call your doctor if the fever lasts more than 3 days."},
                                         {"c", "Keep out of reach of children."}};
    const auto replaces = pair_changes(before, after);
    REQUIRE(replaces.size() == 1);
    CHECK(replaces.at("b2") == "b");
}

TEST_CASE("a sentence edited past recognition still pairs when it is the only change in its place",
          "[extract][changes]") {
    const std::vector<Sentence> before = {{"a", "Emergency:"}, {"b", "911"}, {"c", "Poison control."}};
    const std::vector<Sentence> after = {{"a", "Emergency:"}, {"b2", "912"}, {"c", "Poison control."}};
    CHECK(pair_changes(before, after) == std::map<std::string, std::string>{{"b2", "b"}});
}

TEST_CASE("new and removed sentences that share too few words stay new and removed", "[extract][changes]") {
    const std::vector<Sentence> before = {
        {"a", "Intro."}, {"x", "Wash your hands often."}, {"y", "Rest."}, {"z", "End."}};
    const std::vector<Sentence> after = {
        {"a", "Intro."}, {"n1", "Drink plenty of water."}, {"n2", "Avoid sugary drinks at night."}, {"z", "End."}};
    CHECK(pair_changes(before, after).empty());
}

TEST_CASE("pairing never crosses a sentence both versions share", "[extract][changes]") {
    const std::vector<Sentence> before = {{"x", "Take the tablet with food."}, {"k", "Kept."}};
    const std::vector<Sentence> after = {{"k", "Kept."}, {"x2", "Take the tablet with food or milk."}};
    CHECK(pair_changes(before, after).empty());
}

TEST_CASE("similarity counts shared words without regard to case", "[extract][changes]") {
    CHECK(similarity("Give FIVE mL", "give five ml") == Approx(1.0));
    CHECK(similarity("a b c d", "a b x y") == Approx(0.5));
    CHECK(similarity("", "anything") == 0);
}
