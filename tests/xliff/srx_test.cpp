// Unit tests of SRX reading (xliff/srx.h): the files Okapi, OmegaT and
// Trados write, which rules apply to which language, and what is refused.
#include "xliff/srx.h"
#include "xliff/xliff.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using medloc::xliff::read_srx;
using medloc::xliff::ReadError;

namespace {

const std::string kTwoLanguages = R"(<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="CASCADE"/>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no"><beforebreak>\bFig\.</beforebreak><afterbreak>\s\d</afterbreak></rule>
        <rule><beforebreak>;</beforebreak><afterbreak> </afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule break="yes"><beforebreak>[.?!]+</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="EN.*" languagerulename="English"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>)";

std::string with_cascade(const std::string& cascade) {
    std::string srx = kTwoLanguages;
    srx.replace(srx.find("CASCADE"), 7, cascade);
    return srx;
}

// The ReadError's message when `srx` is refused, and where (line 1 = offset 0).
std::string refusal(const std::string& srx, std::size_t* line = nullptr) {
    try {
        read_srx(srx);
    } catch (const ReadError& e) {
        if (line) *line = 1 + static_cast<std::size_t>(std::count(srx.begin(), srx.begin() + e.offset, '\n'));
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("SRX 2.0 rules in order, each with its break", "[srx]") {
    const auto srx = read_srx(with_cascade("no"));
    REQUIRE(srx.languages.size() == 2);
    const auto& english = srx.languages[0].rules;
    REQUIRE(english.size() == 2);
    CHECK_FALSE(english[0].breaks);
    CHECK(english[0].before == R"(\bFig\.)");
    CHECK(english[0].after == R"(\s\d)");
    CHECK(english[1].breaks);        // break="yes" is what a rule means by default
    CHECK(english[1].after == " ");  // white space in a pattern is kept
}

TEST_CASE("SRX language maps: the first that matches, or all when the file cascades", "[srx]") {
    std::vector<std::string> names;
    CHECK(read_srx(with_cascade("no")).rules_for("en-US", &names).size() == 2);
    CHECK(names == std::vector<std::string>{"English"});  // patterns match case aside
    names.clear();
    CHECK(read_srx(with_cascade("no")).rules_for("es-US", &names).size() == 1);
    CHECK(names == std::vector<std::string>{"Default"});
    names.clear();
    CHECK(read_srx(with_cascade("yes")).rules_for("en-US", &names).size() == 3);
    CHECK(names == std::vector<std::string>{"English", "Default"});
}

TEST_CASE("SRX 1.0 maps inside maprule elements", "[srx]") {
    const auto srx = read_srx(R"(<srx version="1.0"><header segmentsubflows="yes"/><body>
<languagerules><languagerule languagerulename="Default">
<rule break="no"><beforebreak>\bDr\.</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule></languagerules>
<maprules><maprule maprulename="Default"><languagemap languagepattern=".*" languagerulename="Default"/></maprule>
</maprules></body></srx>)");
    CHECK(srx.rules_for("de-DE").size() == 1);
}

TEST_CASE("SRX files that cannot serve are refused with the place", "[srx]") {
    std::size_t line = 0;
    std::string bad = with_cascade("no");
    bad.replace(bad.find(R"(\bFig\.)"), 7, R"(\bFig(\.)");
    CHECK(refusal(bad, &line).find("rule 1 of the language rules \"English\": its beforebreak pattern") !=
          std::string::npos);
    CHECK(line == 7);
    bad = with_cascade("no");
    bad.replace(bad.find("languagerulename=\"Default\"/>"), 26, "languagerulename=\"French\"/>");
    CHECK(refusal(bad).find("names language rules \"French\" that the file does not have") != std::string::npos);
    bad = with_cascade("no");
    bad.replace(bad.find("break=\"no\""), 10, "break=\"maybe\"");
    CHECK(refusal(bad).find("break=\"maybe\" is neither") != std::string::npos);
    bad = with_cascade("no");
    bad.replace(bad.find("EN.*"), 4, "EN(");
    CHECK(refusal(bad).find("the languagepattern \"EN(\" is not an ICU regular expression") != std::string::npos);
    CHECK(refusal("<tmx version=\"1.4\"/>").find("not an SRX file") != std::string::npos);
    CHECK(refusal("<srx version=\"3.0\"/>").find("SRX version \"3.0\"") != std::string::npos);
    CHECK(refusal("<srx version=\"2.0\"><body/></srx>").find("maps no language") != std::string::npos);
    CHECK(refusal("<srx version=\"2.0\"><body>").find("malformed XML") != std::string::npos);
    // An entity defined in the file could change a rule unseen.
    CHECK_FALSE(refusal("<!DOCTYPE srx [<!ENTITY b \"\\.\">]><srx version=\"2.0\"/>").empty());
}
