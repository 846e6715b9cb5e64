// The checks on whole sets of translations (tests/qa/pairs.h): the real
// translations and the hand-written correct ones give no error, and every
// injected error is caught by the check meant for it. scripts/qa-eval.sh
// prints the same measures.
#include "pairs.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using medloc::qa::Finding;
using medloc::test::Pair;

std::string errors_shown(const Pair& pair) {
    std::string shown;
    for (const Finding& finding : medloc::test::errors_of(pair))
        shown += std::string(to_string(finding.check)) + ": " + finding.message + "\n";
    return shown;
}

}  // namespace

TEST_CASE("the real translations give no error", "[qa][eval]") {
    const std::vector<Pair> real = medloc::test::real_translations(MEDLOC_TESTS);
    REQUIRE(real.size() > 100);
    for (const Pair& pair : real) {
        INFO(pair.where << "\n" << pair.source << "\n" << pair.target);
        CHECK(errors_shown(pair).empty());
    }
}

TEST_CASE("the hand-written translations give no error, and each injected error is caught by its check", "[qa][eval]") {
    const medloc::test::HandWritten hand = medloc::test::hand_written(MEDLOC_TESTS);
    REQUIRE(hand.correct.size() >= 70);
    REQUIRE(hand.injected.size() >= 150);
    for (const Pair& pair : hand.correct) {
        INFO(pair.where << "\n" << pair.source << "\n" << pair.target);
        CHECK(errors_shown(pair).empty());
    }
    for (const medloc::test::Injected& injected : hand.injected) {
        INFO(injected.kind << " at " << injected.pair.where << "\n"
                           << injected.pair.source << "\n"
                           << injected.pair.target << "\nfound:\n"
                           << errors_shown(injected.pair));
        bool caught = false;
        for (const Finding& finding : medloc::test::errors_of(injected.pair))
            for (const medloc::qa::Check check : injected.caught_by) caught = caught || finding.check == check;
        CHECK(caught);
    }
}
