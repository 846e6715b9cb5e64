// Unit tests of TMX read and written (xliff/tmx.h): the sample's memory,
// inline codes as other tools write them, and what the XML policy refuses.
#include "xliff/tmx.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace medloc::xliff;

namespace {

std::string sample_memory() {
    std::ifstream in(std::string(MEDLOC_TESTS) + "/translations/amps-children.en-es.tmx", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string memory_with(const std::string& units, const std::string& doctype = {}) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype +
           "<tmx version=\"1.4\"><header srclang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" "
           "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" datatype=\"plaintext\"/><body>" +
           units + "</body></tmx>";
}

}  // namespace

TEST_CASE("the sample memory reads as 73 English-Spanish units, its DOCTYPE never read", "[xliff][tmx]") {
    const Tmx tmx = read_tmx(sample_memory());
    CHECK(tmx.source_language == "en");
    REQUIRE(tmx.units.size() == 73);
    const TmxUnit& first = tmx.units.front();
    CHECK(first.tuid == "1");
    REQUIRE(first.variants.size() == 2);
    CHECK(first.variants[0].language == "en");
    CHECK(first.variants[0].content.plain_text() == "Amplified Musculoskeletal Pain Syndrome (AMPS) in Children");
    CHECK(first.variants[1].language == "es");
    CHECK(first.variants[1].content.plain_text() == "Síndrome de dolor musculoesquelético amplificado (AMPS) en niños");
    CHECK(first.props.front() == std::pair<std::string, std::string>{"x-source-line", "1"});
}

TEST_CASE("TMX inline codes number alike in the source and the target", "[xliff][tmx]") {
    const Tmx tmx = read_tmx(memory_with(
        "<tu tuid=\"7\" creationid=\"ana\" changedate=\"20240102T030405Z\">"
        "<tuv xml:lang=\"en\"><seg>Give <bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>5 mL<ept i=\"1\">&lt;/b&gt;</ept> "
        "<ph x=\"2\">&lt;br/&gt;</ph><hi>now</hi><it pos=\"begin\" x=\"3\">&lt;i&gt;</it></seg></tuv>"
        "<tuv xml:lang=\"es\"><seg><ph x=\"2\"/>Dé <bpt i=\"1\"/>5 mL<ept i=\"1\"/> ya<it pos=\"begin\" x=\"3\"/></seg>"
        "</tuv></tu>"));
    REQUIRE(tmx.units.size() == 1);
    const TmxUnit& unit = tmx.units.front();
    CHECK(unit.creation_id == "ana");
    CHECK(unit.change_date == "20240102T030405Z");
    const Content& source = unit.variants[0].content;
    const Content& target = unit.variants[1].content;
    CHECK(source.plain_text() == "Give 5 mL now");
    CHECK(target.plain_text() == "Dé 5 mL ya");
    // The pair is code 1 in both, the placeholder 2, the isolated code 3.
    const auto id_of = [](const Content& content, Run::Kind kind) {
        for (const Run& run : content.runs)
            if (run.kind == kind) return run.id;
        return 0;
    };
    CHECK(id_of(source, Run::Kind::open) == id_of(target, Run::Kind::open));
    CHECK(id_of(source, Run::Kind::placeholder) == id_of(target, Run::Kind::placeholder));
    CHECK(id_of(source, Run::Kind::close) == id_of(source, Run::Kind::open));
}

TEST_CASE("a memory written by medloc reads back as written", "[xliff][tmx]") {
    TmxUnit unit;
    unit.tuid = "abc";
    unit.creation_id = "Ana Ruiz";
    unit.creation_date = "20261126T100000Z";
    unit.change_id = "Dr. Carla Chen";
    unit.props = {{"x-document", "dose & care.txt"}};
    Content source{{{Run::Kind::text, "Give ", 0, {}},
                    {Run::Kind::open, {}, 1, "strong"},
                    {Run::Kind::text, "5 mL", 0, {}},
                    {Run::Kind::close, {}, 1, "strong"},
                    {Run::Kind::text, " <daily>", 0, {}},
                    {Run::Kind::placeholder, {}, 2, "br"}}};
    Content target{{{Run::Kind::text, "Dé ", 0, {}},
                    {Run::Kind::open, {}, 1, "strong"},
                    {Run::Kind::text, "5 mL", 0, {}},
                    {Run::Kind::close, {}, 1, "strong"},
                    {Run::Kind::text, " «diario»", 0, {}},
                    {Run::Kind::placeholder, {}, 2, "br"}}};
    unit.variants = {{"en-US", source}, {"es-US", target}};
    const std::string written = tmx_header("en-US", "1.0") + tmx_unit(unit) + tmx_footer();
    const Tmx read = read_tmx(written);
    REQUIRE(read.units.size() == 1);
    CHECK(read.source_language == "en-US");
    const TmxUnit& back = read.units.front();
    CHECK(back.tuid == "abc");
    CHECK(back.creation_id == "Ana Ruiz");
    CHECK(back.change_id == "Dr. Carla Chen");
    CHECK(back.props == unit.props);
    REQUIRE(back.variants.size() == 2);
    CHECK(back.variants[0].content.plain_text() == source.plain_text());
    CHECK(back.variants[1].content.plain_text() == target.plain_text());
    CHECK(back.variants[1].content.runs.size() == target.runs.size());
}

TEST_CASE("a TMX with entities a DTD would define, or no TMX at all, is refused", "[xliff][tmx][bad-input]") {
    const std::string unit = "<tu><tuv xml:lang=\"en\"><seg>Give 5 mL</seg></tuv></tu>";
    CHECK_THROWS_WITH(read_tmx(memory_with(unit, "<!DOCTYPE tmx [<!ENTITY dose \"50 mL\">]>\n")),
                      Catch::Contains("internal subset"));
    CHECK_THROWS_WITH(read_tmx(memory_with("<tu><tuv xml:lang=\"en\"><seg>Give &dose;</seg></tuv></tu>")),
                      Catch::Contains("&dose;"));
    CHECK_THROWS_WITH(read_tmx(memory_with("<tu><tuv><seg>Give</seg></tuv></tu>")), Catch::Contains("no language"));
    CHECK_THROWS_WITH(read_tmx(memory_with("<tu><tuv xml:lang=\"en\"><seg>Give <b>5</b></seg></tuv></tu>")),
                      Catch::Contains("unknown element <b>"));
    CHECK_THROWS_WITH(read_tmx("<?xml version=\"1.0\"?><xliff version=\"1.2\"/>"), Catch::Contains("not a TMX file"));
    CHECK_THROWS_WITH(read_tmx(memory_with("<tu><tuv xml:lang=\"en\"><seg>Give\x01</seg></tuv></tu>")),
                      Catch::Contains("control character"));
    // An external DTD's name alone is fine.
    CHECK(read_tmx(memory_with(unit, "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n")).units.size() == 1);
}
