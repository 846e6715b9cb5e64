// Each source filter on its own (extract/filter.h): the units it reports,
// and that every piece knows the bytes it came from.
#include "extract/filter.h"

#include <catch2/catch.hpp>

#include <string>

using namespace medloc::pipeline;

namespace {

// A unit as text with its codes shown as [type] and [/type].
std::string shown(const TextUnit& unit) {
    std::string out;
    for (const Piece& piece : unit.pieces) {
        switch (piece.kind) {
        case Piece::Kind::text: out += piece.text; break;
        case Piece::Kind::open: out += "[" + piece.type + "]"; break;
        case Piece::Kind::close: out += "[/" + piece.type + "]"; break;
        case Piece::Kind::placeholder: out += "{" + piece.type + "}"; break;
        }
    }
    return out;
}

std::vector<std::string> units_of(Format format, std::string_view source) {
    std::vector<std::string> units;
    for (const TextUnit& unit : make_filter(format)->extract(source)) {
        for (const Piece& piece : unit.pieces) REQUIRE(piece.raw.end <= source.size());
        units.push_back(std::string(to_string(unit.kind)) + ": " + shown(unit));
    }
    return units;
}

}  // namespace

TEST_CASE("the text filter: title, headings, paragraphs and bullets", "[extract][filters]") {
    const std::string source =
        "Fever in Children\n\nWhat is a fever?\nA fever is a body temperature of 100.4 °F or "
        "higher.\n\n  • Give fluids.\n  1. Rest.\n";
    CHECK(units_of(Format::text, source) ==
          std::vector<std::string>{"title: Fever in Children", "heading: What is a fever?",
                                   "paragraph: A fever is a body temperature of 100.4 °F or higher.",
                                   "list-item: Give fluids.", "list-item: Rest."});
}

TEST_CASE("the Markdown filter: blocks are units, spans are codes, escapes are spellings", "[extract][filters]") {
    const std::string source =
        "# Sick days\n\nCheck **ketones** every *4 hours* \\* see [the plan](plan.md).\n\n"
        "- Drink water\n\n| Dose | When |\n|---|---|\n| 5 mL | night |\n";
    const auto units = units_of(Format::markdown, source);
    REQUIRE(units.size() >= 5);
    CHECK(units[0] == "heading: Sick days");
    CHECK(units[1] == "paragraph: Check [strong]ketones[/strong] every [em]4 hours[/em] * see [a]the plan[/a].");
    CHECK(units[2] == "list-item: Drink water");
    CHECK(std::find(units.begin(), units.end(), "table-cell: 5 mL") != units.end());
}

TEST_CASE("the HTML filter: blocks, inline codes, attributes, and what is never translated", "[extract][filters]") {
    const std::string source =
        "<!DOCTYPE html><html><head><title>Iron &amp; you</title><script>var x = 1;</script></head><body>"
        "<h1>Iron</h1><p>Take <strong>one</strong> tablet<br>daily. <img src=\"a.png\" alt=\"A tablet\"></p>"
        "<p translate=\"no\">Do not translate</p><!-- a comment --></body></html>";
    CHECK(units_of(Format::html, source) ==
          std::vector<std::string>{"title: Iron & you", "heading: Iron",
                                   "paragraph: Take [strong]one[/strong] tablet{br}daily. {img}",
                                   "attribute: A tablet"});
}

TEST_CASE("a Markdown document the filter refuses from inside md4c frees md4c's memory", "[extract][filters]") {
    // Found by fuzz_markdown: the refusal was thrown through md4c's C frames,
    // which leaked its buffers (LeakSanitizer in the sanitizer build).
    const std::string link = "[ ](\")\")";
    CHECK_THROWS_AS(make_filter(Format::markdown)->extract(link), FilterError);
    // The filter is usable again after a refusal.
    CHECK_FALSE(make_filter(Format::markdown)->extract("Give the dose.\n").empty());
}
