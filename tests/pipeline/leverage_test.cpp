// The translation memory's matching (app/leverage.h), in process: how alike
// two texts are, and which units the memory offers a segment.
#include "app/leverage.h"

#include "temp_project.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

using namespace medloc;
using namespace medloc::pipeline;
namespace fs = std::filesystem;

namespace {

struct Memory : test::TempProject {
    Leverage leverage{*store, "es-US"};

    // A unit of an imported memory (an import entry first, as the store wants).
    // `plain`: the source's text without codes, when it has any.
    void add(const std::string& source, const std::string& target, const std::string& context = {},
             const std::string& plain = {}) {
        const auto writing = store->transaction(reviews::Access::write);
        reviews::MemoryImport import;
        import.at = clock.now();
        import.actor = "Pat";
        import.actor_id = "pat";
        import.origin = "test.tmx";
        store->add_memory_import(import);
        reviews::MemoryUnit unit;
        unit.source_language = "en";
        unit.target_language = "es-US";
        unit.source = source;
        unit.plain = plain.empty() ? source : plain;
        unit.target = target;
        unit.context = context;
        unit.origin = "test.tmx";
        store->add_memory_unit(unit);
        writing->commit();
    }

    std::vector<MemoryMatch> matches(const std::string& plain, const std::string& context = {}, int least = 75) {
        reviews::StoredSegment segment;
        segment.id = "s";
        segment.document_id = "d";
        segment.source = segment.plain = plain;
        const auto reading = store->transaction(reviews::Access::read);
        return leverage.matches(segment, context, 3, least);
    }
};

}  // namespace

TEST_CASE("a changed number costs more than a changed word", "[leverage]") {
    Memory memory;
    Leverage& leverage = memory.leverage;
    CHECK(leverage.similarity("Give 5 mL every day.", "Give 5 mL every day.") == 100);
    // Case and punctuation alone: close, never exact.
    CHECK(leverage.similarity("Give 5 mL every day.", "give 5 mL every day") == 99);
    const int word = leverage.similarity("Give 5 mL every day.", "Give 5 mL every night.");
    const int number = leverage.similarity("Give 5 mL every day.", "Give 50 mL every day.");
    CHECK(word == 83);    // 1 of 6 (the number weighs 2)
    CHECK(number == 66);  // 2 of 6
    CHECK(number < 75);   // a changed dose is never offered as a near match
    CHECK(leverage.similarity("Call your doctor.", "Take the tablets with food.") < 50);
}

TEST_CASE("the memory offers in-context, exact and fuzzy matches, best first", "[leverage]") {
    Memory memory;
    const std::string context = context_of(nullptr, nullptr);
    memory.add("Keep the medicine out of the reach of children.",
               "Mantenga el medicamento fuera del alcance de los niños.");
    memory.add("Keep the medicine out of the reach of children.", "Guarde el medicamento lejos de los niños.", context);
    memory.add("Keep the medicine out of the reach of small children.",
               "Mantenga el medicamento lejos de los niños pequeños.");
    memory.add("Give 5 mL every day.", "Dé 5 mL cada día.");

    std::vector<MemoryMatch> found = memory.matches("Keep the medicine out of the reach of children.", context);
    REQUIRE(found.size() == 2);  // with an exact match, no near one is looked for
    CHECK(found[0].kind == xliff::Match::Kind::in_context);
    CHECK(found[0].quality == 101);
    CHECK(found[0].unit.target == "Guarde el medicamento lejos de los niños.");
    CHECK(found[1].kind == xliff::Match::Kind::exact);
    CHECK(found[1].quality == 100);
    found = memory.matches("Keep the medicine out of the reach of older children.");
    REQUIRE(found.size() == 3);  // one word added (9 of 10), one word changed (9 of 10)
    for (const MemoryMatch& match : found) {
        CHECK(match.kind == xliff::Match::Kind::fuzzy);
        CHECK(match.quality == 90);
    }

    // Another dose: not offered at 75%; offered at 50% for the analysis.
    CHECK(memory.matches("Give 50 mL every day.").empty());
    found = memory.matches("Give 50 mL every day.", {}, 50);
    REQUIRE(found.size() == 1);
    CHECK(found[0].quality == 66);
    CHECK(memory.matches("Wash your hands.").empty());
}

TEST_CASE("a match's inline codes are the segment's own, or it pre-fills nothing", "[leverage]") {
    Memory memory;
    memory.add("Give <g id=\"4\" ctype=\"bold\">5 mL</g> daily.", "Dé <g id=\"4\" ctype=\"bold\">5 mL</g> al día.", {},
               "Give 5 mL daily.");
    reviews::StoredSegment segment;
    segment.id = "s";
    segment.source = "Give <g id=\"1\" ctype=\"x-strong\">5 mL</g> daily.";
    segment.plain = "Give 5 mL daily.";
    const auto reading = memory.store->transaction(reviews::Access::read);
    const std::vector<MemoryMatch> found = memory.leverage.matches(segment, {});
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].target);
    CHECK(found[0].target->to_markup() == "Dé <g id=\"1\" ctype=\"x-strong\">5 mL</g> al día.");
    // A segment with a code the memory's text lacks gets no pre-fill.
    segment.source = "Give <g id=\"1\" ctype=\"x-strong\">5 mL</g> daily<x id=\"2\" ctype=\"lb\"/>.";
    const std::vector<MemoryMatch> without = memory.leverage.matches(segment, {});
    REQUIRE(without.size() == 1);
    CHECK_FALSE(without[0].target);
}
