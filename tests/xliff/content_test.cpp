// Segment content (xliff/content.h): its stored markup reads back as the
// same runs, and the escapers keep text text.
#include "xliff/content.h"
#include "xliff/xliff.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

using namespace medloc::xliff;

namespace {

Run text(std::string t) { return {Run::Kind::text, std::move(t), 0, {}}; }
Run code(Run::Kind kind, int id, std::string type, std::string display = {}) {
    return {kind, std::move(display), id, std::move(type)};
}

}  // namespace

TEST_CASE("content goes to its stored markup and back unchanged", "[xliff][content]") {
    const Content content{{text("Eczema is "), code(Run::Kind::open, 1, "strong"), text("not <contagious> & \"dry\""),
                           code(Run::Kind::close, 1, "strong"), text("; see "),
                           code(Run::Kind::placeholder, 2, "url", "https://example.org/?a=1&b=2")}};
    const std::string markup = content.to_markup();
    CHECK(markup ==
          "Eczema is <g id=\"1\" ctype=\"strong\">not &lt;contagious&gt; &amp; \"dry\"</g>; see "
          "<x id=\"2\" ctype=\"url\" equiv-text=\"https://example.org/?a=1&amp;b=2\"/>");
    CHECK(content_from_markup(markup) == content);
    CHECK(content.plain_text() == "Eczema is not <contagious> & \"dry\"; see ");
}

TEST_CASE("a pair cut by a segment boundary is stored as bx/ex and read back", "[xliff][content]") {
    const Content opened{{code(Run::Kind::open, 1, "em"), text("Give 5 mL")}};
    CHECK(opened.to_markup() == "<bx id=\"1\" ctype=\"em\"/>Give 5 mL");
    CHECK(content_from_markup(opened.to_markup()) == opened);
    const Content closed{{text("twice a day."), code(Run::Kind::close, 1, "em")}};
    CHECK(closed.to_markup() == "twice a day.<ex id=\"1\" ctype=\"em\"/>");
    CHECK(content_from_markup(closed.to_markup()) == closed);
}

TEST_CASE("text that is not stored markup is refused", "[xliff][content]") {
    CHECK_THROWS_AS(content_from_markup("<g id=\"1\">unclosed"), MarkupError);
    CHECK_THROWS_AS(content_from_markup("<b>bold</b>"), MarkupError);
    CHECK_THROWS_AS(content_from_markup("<x/>"), MarkupError);
}

TEST_CASE("the one escaper: text keeps quotes, attributes escape them and white space", "[xliff][content]") {
    CHECK(escape_xml_text("a < b & \"c\"\n") == "a &lt; b &amp; \"c\"\n");
    CHECK(escape_xml_attribute("a < b & \"c\"\n\t") == "a &lt; b &amp; &quot;c&quot;&#10;&#9;");
}

// Checks read a pseudo-translated target as the text it was made from, so
// that a number changed in it is found as in any target.
TEST_CASE("a pseudo-translation reads back as the text it was made from", "[xliff][content]") {
    std::ifstream article(std::string(MEDLOC_CORPUS) + "/fever-acetaminophen-dosing.txt");
    REQUIRE(article);
    std::size_t lines = 0;
    for (std::string line; std::getline(article, line);) {
        if (line.empty()) continue;
        ++lines;
        const std::string made = pseudo_translate(Content{{text(line)}}).plain_text();
        INFO(line << "\n" << made);
        CHECK(made != line);
        CHECK(pseudo_original(made) == line);
    }
    CHECK(lines > 20);
    CHECK(pseudo_original("[Ðöšé 5 ṁĻ ··]") == "Dose 5 mL");
    CHECK(pseudo_original("[Ðöšé ñ ·]") == "Dose n");  // a look-alike in the source reads as its letter
    CHECK(pseudo_original("[Dose 5 mL]") == std::nullopt);
    CHECK(pseudo_original("Dose 5 mL ·]") == std::nullopt);
    CHECK(pseudo_original("[Dose ·]") == "Dose");
    CHECK(pseudo_original("[Doseñ·]") == std::nullopt);  // no space before the padding
}
