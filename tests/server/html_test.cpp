// Unit tests of what the workspace and the packet write into HTML
// (server/html.h, private): escaping, inline formatting, highlights, diffs.
#include "html.h"

#include <catch2/catch.hpp>

using namespace medloc::server;

TEST_CASE("markup characters in project text are escaped, in content and in attributes", "[server][escaping]") {
    REQUIRE(escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    REQUIRE(escape("\" onmouseover=\"alert(2)") == "&quot; onmouseover=&quot;alert(2)");
    REQUIRE(escape("it's & <b>") == "it&#39;s &amp; &lt;b&gt;");
    REQUIRE(escape("Años: 5 mg/kg, ½ tableta") == "Años: 5 mg/kg, ½ tableta");
}

TEST_CASE("characters a reader cannot see, or that reorder what they see, are shown by name", "[server][escaping]") {
    // RIGHT-TO-LEFT OVERRIDE would show "5 mg" reversed; a zero-width space hides in a dose.
    REQUIRE(escape("Give \u202E05 mg") ==
            "Give <span class=\"hidden-char\" title=\"invisible character U+202E\">[U+202E]</span>05 mg");
    REQUIRE(escape("1\u200B0") == "1<span class=\"hidden-char\" title=\"invisible character U+200B\">[U+200B]</span>0");
    REQUIRE(escape(std::string("a\x01z", 3)).find("[U+0001]") != std::string::npos);
    // Broken UTF-8 becomes the replacement character, never raw bytes.
    REQUIRE(escape("\xC3(") == "\xEF\xBF\xBD(");
}

TEST_CASE("a segment's inline codes are rendered as formatting, and its text stays text", "[server][escaping]") {
    REQUIRE(render_content(R"(Eczema is <g id="1" ctype="strong">not contagious</g>; see <x id="2" ctype="br"/>)") ==
            "Eczema is <strong class=\"code code-strong\">not contagious</strong>; see <br>");
    // Text that looks like markup, inside a code: escaped.
    const std::string hostile =
        render_content(R"(<g id="1" ctype="strong">&lt;img src=x onerror=alert(1)&gt;</g> &quot; onmouseover=&quot;x)");
    REQUIRE(hostile.find("<img") == std::string::npos);
    REQUIRE(hostile.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    REQUIRE(hostile.find("&quot; onmouseover=&quot;x") != std::string::npos);
    // What is not stored markup at all is shown as escaped text.
    REQUIRE(render_content("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST_CASE("QA findings are marked where they are in the text, across formatting", "[server][escaping]") {
    // "Give 16 mg now": the finding is "16 mg" (bytes 5 to 10), which starts inside <strong>.
    const std::string html =
        render_content(R"(Give <g id="1" ctype="strong">16</g> mg now)", {{{5, 10}, medloc::qa::Severity::error}});
    REQUIRE(html ==
            "Give <strong class=\"code code-strong\"><mark class=\"qa-error\">16</mark></strong>"
            "<mark class=\"qa-error\"> mg</mark> now");
    // A warning inside an error's span shows as the error.
    const std::string both =
        render_content("take 5 mL", {{{5, 9}, medloc::qa::Severity::error}, {{5, 6}, medloc::qa::Severity::warning}});
    REQUIRE(both == "take <mark class=\"qa-error\">5</mark><mark class=\"qa-error\"> mL</mark>");
}

TEST_CASE("a word diff shows what was removed and added, escaped", "[server][escaping]") {
    REQUIRE(word_diff("Give 160 mg every 6 hours", "Give 80 mg every 4 hours") ==
            "Give <del>160</del><ins>80</ins> mg every <del>6</del><ins>4</ins> hours");
    REQUIRE(word_diff("", "<b>") == "<ins>&lt;b&gt;</ins>");
    REQUIRE(word_diff("same", "same") == "same");
}
