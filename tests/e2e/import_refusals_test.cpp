// Every XLIFF a CAT tool could hand back that medloc must refuse: exit code
// 2, a message naming the file, the line and the cause, and the database
// byte for byte as it was. One bad unit refuses the whole file.
#include "exported.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace medloc::test;

namespace {

const std::string kCodedTarget =
    "<target state=\"new\">Call the Sports Concussion Clinic at <g id=\"1\" ctype=\"bold\">(216) 555-0199</g>";

}  // namespace

TEST_CASE("import refuses malformed XML", "[import][bad-input]") {
    Exported x;
    x.refuses_change("</source>", "</sourc>", "malformed XML");
}

TEST_CASE("import refuses a file that is not XLIFF", "[import][bad-input]") {
    Exported x;
    write_file(x.dir / "returned.xlf", "<?xml version=\"1.0\"?>\n<html><body><p>Hola</p></body></html>\n");
    check_refused(x.db, x.import(), (x.dir / "returned.xlf").string() + ":2:", "not an XLIFF file");
}

TEST_CASE("import refuses an XLIFF version it does not know", "[import][bad-input]") {
    Exported x;
    x.refuses_change("<xliff version=\"1.2\"", "<xliff version=\"1.1\"",
                     "XLIFF version \"1.1\" is not one medloc reads");
}

TEST_CASE("import refuses a file from another project", "[import][bad-input]") {
    Exported x;
    Exported other;
    write_file(x.dir / "returned.xlf", other.text);
    check_refused(x.db, x.import(), (x.dir / "returned.xlf").string() + ":3:", "belongs to another medloc project");
}

TEST_CASE("import refuses an unknown unit id", "[import][bad-input]") {
    Exported x;
    const std::size_t id = x.text.find("<trans-unit id=\"") + 16;
    x.refuses_change(x.text.substr(id, 16), "0123456789abcdef", "unit id \"0123456789abcdef\" is not a segment");
}

TEST_CASE("import refuses a duplicate unit id", "[import][bad-input]") {
    Exported x;
    const std::size_t first = x.text.find("<trans-unit id=\"") + 16;
    const std::size_t second = x.text.find("<trans-unit id=\"", first) + 16;
    const std::string where = x.write_changed(x.text.substr(second, 16), x.text.substr(first, 16), "<trans-unit");
    check_refused(x.db, x.import(), where, "appears twice");
}

TEST_CASE("import refuses a changed source text", "[import][bad-input]") {
    Exported x;
    x.write_changed("<source>Call the Sports", "<source>Phone the Sports");
    check_refused(x.db, x.import(), x.unit_with("<source>Call the Sports"), "the source text of unit");
}

TEST_CASE("import refuses a target language the project does not have", "[import][bad-input]") {
    Exported x;
    x.refuses_change("target-language=\"es-US\"", "target-language=\"fr-FR\"",
                     "target language \"fr-FR\" is not a target locale");
}

TEST_CASE("import takes a target language written as a Java or POSIX locale id (es_US)", "[import]") {
    Exported x;
    x.write_changed("target-language=\"es-US\"", "target-language=\"es_US\"");
    const Result imported = run_medloc(x.db, x.import());
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    REQUIRE(imported.out.find("es-US") != std::string::npos);
}

// The export with one target filled in and its declaration naming
// `encoding`, written in that encoding by iconv(1).
fs::path reencoded(Exported& x, const std::string& encoding, const std::string& iconv_name) {
    std::string text = x.text;
    const std::string declaration = "encoding=\"UTF-8\"";
    REQUIRE(text.find(declaration) != std::string::npos);
    text.replace(text.find(declaration), declaration.size(), "encoding=\"" + encoding + "\"");
    const auto target = text.find("<target state=\"new\">");
    REQUIRE(target != std::string::npos);
    const auto end = text.find("</target>", target);
    text.replace(target, end - target, "<target state=\"translated\">Qué es una conmoción cerebral, según la clínica");
    const fs::path utf8 = x.dir / "utf8.xlf";
    write_file(utf8, text);
    const Result converted = run({"iconv", "-f", "UTF-8", "-t", iconv_name, utf8.string()});
    REQUIRE(converted.exit_code == 0);
    const fs::path path = x.dir / "returned.xlf";
    write_file(path, converted.out);
    return path;
}

TEST_CASE("import reads an XLIFF in the encoding its declaration or byte order mark names", "[import][encoding]") {
    // UTF-16 as iconv writes it has a byte order mark; UTF-16BE has none.
    for (const auto& [declared, iconv_name] : {std::pair{"windows-1252", "WINDOWS-1252"}, std::pair{"UTF-16", "UTF-16"},
                                               std::pair{"UTF-16", "UTF-16BE"}, std::pair{"UTF-32", "UTF-32"}}) {
        INFO(declared << " written as " << iconv_name);
        Exported x;
        const fs::path path = reencoded(x, declared, iconv_name);
        REQUIRE(read_file(path).find("clínica") == std::string::npos);  // not UTF-8 on disk
        const Result imported = run_medloc(x.db, x.import());
        INFO(imported.err);
        REQUIRE(imported.exit_code == 0);
        REQUIRE(run_medloc(x.db, {"export", "--locale", "es-US", "--out", (x.dir / "again").string()}).exit_code == 0);
        REQUIRE(read_file(x.dir / "again" / "es-US" / "concussion-return-to-play.md.xlf")
                    .find("Qué es una conmoción cerebral, según la clínica") != std::string::npos);
    }
}

TEST_CASE("import refuses an encoding ICU does not know, and bytes not valid in the one declared",
          "[import][encoding][bad-input]") {
    Exported x;
    const fs::path path = reencoded(x, "x-no-such-encoding", "UTF-8");
    check_refused(x.db, x.import(), path.string() + ":1:", "its encoding \"x-no-such-encoding\" is not one ICU knows");
    // UTF-16 with half a character: a high surrogate and no low one after it.
    std::string bytes = read_file(reencoded(x, "UTF-16", "UTF-16LE"));
    const std::string qu("Q\0u\0", 4);
    bytes.replace(bytes.find(qu), qu.size(), std::string("Q\0\0\xD8u\0", 6));
    write_file(path, bytes);
    check_refused(x.db, x.import(), path.string() + ":1:", "it is not valid UTF-16LE");
}

TEST_CASE("import refuses tracked changes left unresolved in a target", "[import][bad-input]") {
    for (const char* type : {"x-sdl-deleted", "x-sdl-added", "x-mq-deleted", "x-tracked-insertion"}) {
        INFO(type);
        Exported x;
        const std::string where =
            x.write_changed("<target state=\"new\">", std::string("<target state=\"translated\">Tome <mrk mtype=\"") +
                                                          type + "\">10 mL</mrk> 5 mL ");
        check_refused(x.db, x.import(), where,
                      std::string("a tracked change (<mrk mtype=\"") + type + "\">) is not resolved");
    }
}

TEST_CASE("import refuses a target that lost an inline code", "[import][bad-input]") {
    Exported x;
    x.write_changed(kCodedTarget, "<target state=\"new\">Llame a la clínica al (216) 555-0199");
    check_refused(x.db, x.import(), x.unit_with(kCodedTarget), "lacks inline code 1 (strong)");
}

TEST_CASE("import refuses a target with an inline code its source lacks", "[import][bad-input]") {
    Exported x;
    x.write_changed(kCodedTarget, kCodedTarget + "<x id=\"9\"/>");
    check_refused(x.db, x.import(), x.unit_with(kCodedTarget), "an inline code (id 9) that the source does not have");
}

TEST_CASE("import refuses a target with an inline code twice", "[import][bad-input]") {
    Exported x;
    x.write_changed(kCodedTarget,
                    "<target state=\"new\"><g id=\"1\">x</g>Call the Sports Concussion Clinic at <g id=\"1\" "
                    "ctype=\"bold\">(216) 555-0199</g>");
    check_refused(x.db, x.import(), x.unit_with(kCodedTarget), "inline code 1 (strong) twice");
}

TEST_CASE("import refuses inline codes reordered into invalid markup", "[import][bad-input]") {
    Exported x;
    x.write_changed(
        kCodedTarget,
        "<target state=\"new\">Llame a la clínica al <ex id=\"1\"/>(216) 555-0199<bx id=\"1\" ctype=\"bold\"/>");
    check_refused(x.db, x.import(), x.unit_with(kCodedTarget), "closes inline code 1 (strong) before opening it");
}

TEST_CASE("import refuses invalid UTF-8 with its line and column", "[import][bad-input]") {
    Exported x;
    x.refuses_change("<target state=\"new\">Call", "<target state=\"new\">Llam\xe9", "invalid UTF-8");
}

TEST_CASE("empty targets are untranslated, not errors", "[import]") {
    Exported x;
    std::string text = x.text;
    // One unit translated, one target emptied, one removed altogether.
    text.replace(text.find(kCodedTarget), kCodedTarget.size(),
                 "<target state=\"new\">Llame a la Clínica de Conmociones Deportivas al <g id=\"1\" "
                 "ctype=\"bold\">(216) 555-0199</g>");
    const std::size_t empty = text.find("<target state=\"new\">", text.find("</trans-unit>"));
    text.replace(empty, text.find("</target>", empty) + 9 - empty, "<target state=\"new\"/>");
    const std::size_t removed = text.find("<target state=\"new\">", text.find("</trans-unit>", empty));
    text.erase(removed, text.find("</target>", removed) + 9 - removed);
    write_file(x.dir / "returned.xlf", text);
    const Result result = run_medloc(x.db, x.import());
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("1 translated") != std::string::npos);
    CHECK(result.out.find(" 2 empty") != std::string::npos);
    const Result status = run_medloc(x.db, {"status", "--locale", "es-US", "--json"});
    CHECK(status.out.find("\"translated\": 1") != std::string::npos);
}
