// Localized bundles: the Spanish sample end to end from its TMX, right-to-left
// and Japanese output whose structure matches the source, the gate with each
// kind of blocker, and builds that are repeatable and never half written.
#include "shapes.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <cstdlib>
#include <map>

using namespace medloc::test;

namespace {

const std::string kDoc = "amps-children.txt";

struct Project {
    TempDir dir;
    fs::path db;
    fs::path docs;

    Project(const std::vector<std::string>& locales, const std::vector<fs::path>& documents) : docs(dir / "docs") {
        std::string targets;
        for (const std::string& locale : locales) targets += (targets.empty() ? "" : ",") + locale;
        db = new_project(dir, targets);
        for (const fs::path& document : documents) write_file(docs / document.filename(), read_file(document));
        if (!documents.empty()) REQUIRE(ok({"extract", docs.string(), "--as", "pat"}));
    }

    bool ok(const std::vector<std::string>& args) const { return succeeds(db, args); }

    // Pseudo-translated by Ana, revised by Ben, approved by Dr. Chen.
    void approve_pseudo(const std::string& locale) const {
        const fs::path out = dir / "pseudo";
        REQUIRE(ok({"export", "--locale", locale, "--out", out.string(), "--pseudo"}));
        std::vector<std::string> import = {"import", "--as", "ana", "--role", "translator"};
        for (const auto& entry : fs::recursive_directory_iterator(out / locale))
            import.push_back(entry.path().string());
        REQUIRE(ok(import));
        approve(locale);
    }

    void approve(const std::string& locale) const {
        REQUIRE(ok({"review", "revise", "--locale", locale, "--all", "--as", "ben", "--role", "reviser"}));
        REQUIRE(ok({"review", "approve", "--locale", locale, "--all", "--as", "carla", "--role", "clinical"}));
    }

    Result build(const std::string& locale, const std::vector<std::string>& more = {}) const {
        std::vector<std::string> args = {"build", "--locale", locale, "--out", (dir / "dist").string(), "--as", "pat"};
        args.insert(args.end(), more.begin(), more.end());
        return run_medloc(db, args);
    }
};

// The TMX of the sample as English -> Spanish.
std::map<std::string, std::string> spanish_memory() {
    pugi::xml_document tmx;
    REQUIRE(tmx.load_file((shared_dir() / "corpus" / "translations" / "amps-children.en-es.tmx").c_str()));
    std::map<std::string, std::string> memory;
    for (const pugi::xpath_node tu : tmx.select_nodes("//tu"))
        memory[tu.node().select_node("tuv[starts-with(@xml:lang,'en')]/seg").node().text().get()] =
            tu.node().select_node("tuv[starts-with(@xml:lang,'es')]/seg").node().text().get();
    return memory;
}

}  // namespace

TEST_CASE("the sample in Spanish, from its TMX to the bundle", "[build]") {
    Project project({"es-US"}, {corpus_dir() / kDoc});
    REQUIRE(project.ok({"export", "--locale", "es-US", "--out", (project.dir / "out").string()}));
    const fs::path file = project.dir / "out" / "es-US" / (kDoc + ".xlf");

    // Fill every target from the TMX as a translator's tool would; a
    // Spanish text equal to the English is marked translated on purpose,
    // and Ana confirms such targets as she imports them.
    const std::map<std::string, std::string> memory = spanish_memory();
    pugi::xml_document xliff;
    REQUIRE(xliff.load_file(file.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    std::size_t filled = 0;
    for (const pugi::xpath_node unit : xliff.select_nodes("//*[local-name()='trans-unit']")) {
        const auto match = memory.find(unit.node().child("source").text().get());
        if (match == memory.end()) continue;
        pugi::xml_node target = unit.node().child("target");
        target.text().set(match->second.c_str());
        target.attribute("state").set_value("translated");
        ++filled;
    }
    CHECK(filled == 73);
    REQUIRE(xliff.save_file(file.c_str(), "", pugi::format_raw));
    REQUIRE(project.ok({"import", file.string(), "--as", "ana", "--role", "translator", "--confirm-source-copies"}));
    project.approve("es-US");

    const Result built = project.build("es-US");
    INFO(built.out << built.err);
    REQUIRE(built.exit_code == 0);
    const std::string spanish = read_file(project.dir / "dist" / "es-US" / kDoc);
    CHECK(spanish == read_file(shared_dir() / "corpus" / "translations" / "amps-children.es.txt"));

    const nlohmann::json manifest = nlohmann::json::parse(read_file(project.dir / "dist" / "es-US" / "manifest.json"));
    CHECK(manifest["locale"] == "es-US");
    const nlohmann::json& document = manifest["documents"][0];
    CHECK(document["id"] == kDoc);
    CHECK(document["translators"] == nlohmann::json::array({"Ana Ruiz"}));
    CHECK(document["revisers"] == nlohmann::json::array({"Ben Ode"}));
    CHECK(document["clinical_reviewers"] == nlohmann::json::array({"Dr. Carla Chen"}));
    CHECK(document["next_review_due"].get<std::string>().size() == 10);
    CHECK(document["output_sha256"].get<std::string>().size() == 64);
}

TEST_CASE("Arabic and Japanese bundles keep every document's structure, and Arabic HTML is rtl", "[build]") {
    Project project({"ar", "ja"}, corpus_documents());
    for (const char* locale : {"ar", "ja"}) {
        project.approve_pseudo(locale);
        const Result built = project.build(locale);
        INFO(built.out << built.err);
        REQUIRE(built.exit_code == 0);
        for (const fs::path& source : corpus_documents()) {
            INFO(locale << " " << source.filename());
            const std::string bytes = read_file(project.dir / "dist" / locale / source.filename());
            CHECK(bytes != read_file(source));
            CHECK(shape_of(source, bytes) == shape_of(source, read_file(source)));
            if (source.extension() != ".html") continue;
            const auto attributes = html_root_attributes(bytes);
            const auto has = [&](const std::string& name, const std::string& value) {
                return std::find(attributes.begin(), attributes.end(), std::pair(name, value)) != attributes.end();
            };
            CHECK(has("lang", locale));
            CHECK(has("dir", "rtl") == (std::string(locale) == "ar"));
        }
    }
}

TEST_CASE("what the source protects stays as it is, and translated Markdown stays text", "[build]") {
    Project project({"en-XA"}, {});
    write_file(project.docs / "dose.html",
               "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Dose</title></head>\n<body>\n"
               "<p>Give <span translate=\"no\">5 mL</span> twice a day, until "
               "<span class=\"date notranslate\">2026-12-01</span>.</p>\n"
               "<div translate=\"no\"><p>Lot ABC-12345.</p></div>\n</body>\n</html>\n");
    write_file(project.docs / "tricky.md", "# Heading\n\nA plain paragraph.\n\n- one item\n");
    REQUIRE(project.ok({"extract", project.docs.string(), "--as", "pat"}));
    // Translations that would be markup if written as they are.
    REQUIRE(project.ok({"export", "--locale", "en-XA", "--out", (project.dir / "out").string()}));
    const fs::path file = project.dir / "out" / "en-XA" / "tricky.md.xlf";
    std::string text = read_file(file);
    const std::map<std::string, std::string> tricky = {
        {"Heading", "# Not a *heading* &amp; [link](x)"},
        {"A plain paragraph.", "1. Not a list | not a cell"},
        {"one item", "- not a &lt;b&gt;nested&lt;/b&gt; list\n\n# not a heading"}};
    for (const auto& [source, target] : tricky) {
        const std::string prefilled = "<target state=\"new\">" + source + "</target>";
        REQUIRE(text.find(prefilled) != std::string::npos);
        text.replace(text.find(prefilled), prefilled.size(), "<target state=\"translated\">" + target + "</target>");
    }
    write_file(file, text);
    REQUIRE(project.ok({"import", file.string(), "--as", "ana", "--role", "translator"}));
    REQUIRE(project.ok(
        {"export", "--locale", "en-XA", "--out", (project.dir / "pseudo").string(), "--pseudo", "--pending"}));
    REQUIRE(project.ok({"import", (project.dir / "pseudo" / "en-XA" / "dose.html.xlf").string(), "--as", "ana",
                        "--role", "translator"}));
    project.approve("en-XA");
    const Result built = project.build("en-XA");
    INFO(built.out << built.err);
    REQUIRE(built.exit_code == 0);

    const std::string html = read_file(project.dir / "dist" / "en-XA" / "dose.html");
    CHECK(html.find("<span translate=\"no\">5 mL</span>") != std::string::npos);
    CHECK(html.find("<span class=\"date notranslate\">2026-12-01</span>") != std::string::npos);
    CHECK(html.find("<div translate=\"no\"><p>Lot ABC-12345.</p></div>") != std::string::npos);
    CHECK(html.find("Ĝîṽé") != std::string::npos);
    const std::string markdown = read_file(project.dir / "dist" / "en-XA" / "tricky.md");
    CHECK(shape_of("tricky.md", markdown) == shape_of("tricky.md", read_file(project.docs / "tricky.md")));
}

TEST_CASE("the gate: an unapproved segment, a stale approval and an expired review each block the build",
          "[build][gate]") {
    Project project({"es-US"}, {corpus_dir() / kDoc});
    project.approve_pseudo("es-US");
    REQUIRE(project.build("es-US").exit_code == 0);
    const fs::path bundle = project.dir / "dist" / "es-US";
    const auto before = snapshot(bundle);

    const auto refused = [&](const std::vector<std::string>& more, const std::string& blocker) {
        const Result result = project.build("es-US", more);
        INFO(result.out << result.err);
        CHECK(result.exit_code == 3);
        CHECK((result.err + result.out).find(blocker) != std::string::npos);
        CHECK(snapshot(bundle) == before);
        return result;
    };

    SECTION("an expired review, judged at the current time (the test build's clock)") {
        setenv("MEDLOC_TEST_NOW", "2099-01-01T00:00:00Z", 1);
        refused({}, "(document)  -: the clinical review of ");
        const Result json = refused({"--json"}, "\"blockers\"");
        unsetenv("MEDLOC_TEST_NOW");
        const nlohmann::json blockers = nlohmann::json::parse(json.out)["blockers"];
        REQUIRE(blockers.size() == 1);
        CHECK(blockers[0]["document"] == kDoc);
        CHECK(blockers[0]["reason"].get<std::string>().find("expired on") != std::string::npos);
        // No date of one's choosing: build judges today.
        const Result as_of = project.build("es-US", {"--as-of", "2025-02-28"});
        CHECK(as_of.exit_code == 1);
        CHECK(snapshot(bundle) == before);
    }
    SECTION("one segment not approved") {
        const std::string id =
            run({"sqlite3", project.db.string(), "SELECT id FROM segment LIMIT 1 OFFSET 5"}).out.substr(0, 16);
        REQUIRE(project.ok({"review", "reject", "--locale", "es-US", "--segment", id, "--as", "ben", "--role",
                            "reviser", "--comment", "Wrong term"}));
        refused({}, kDoc + "  " + id + "  needs-translation: ");
    }
    SECTION("an approval of a different target") {
        // Only an edit outside medloc can do this; the gate must still see it.
        REQUIRE(run({"sqlite3", project.db.string(),
                     "INSERT INTO text (key, content) VALUES (0, 'Texto cambiado'); "
                     "UPDATE translation SET target = last_insert_rowid() WHERE segment_id = (SELECT segment_id FROM "
                     "translation ORDER BY segment_id LIMIT 1 OFFSET 2)"})
                    .exit_code == 0);
        refused({}, "approved: approved for a different target text");
    }
}

TEST_CASE("builds are repeatable, and a build killed half way leaves the bundle as it was", "[build]") {
    Project project({"ja"}, corpus_documents());
    project.approve_pseudo("ja");
    REQUIRE(project.build("ja").exit_code == 0);
    const fs::path bundle = project.dir / "dist" / "ja";
    auto first = snapshot(bundle);
    REQUIRE(project.build("ja").exit_code == 0);
    auto second = snapshot(bundle);
    CHECK(first.size() == corpus_documents().size() + 1);
    first.erase("manifest.json");  // it records the build time
    second.erase("manifest.json");
    CHECK(first == second);

    const auto whole = snapshot(bundle);
    setenv("MEDLOC_TEST_KILL_AFTER_WRITES", "3", 1);
    const Result killed = project.build("ja");
    unsetenv("MEDLOC_TEST_KILL_AFTER_WRITES");
    CHECK(killed.exit_code == 128 + 9);
    CHECK(snapshot(bundle) == whole);
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(project.dir / "dist")) entries += entry.path() != bundle;
    CHECK(entries == 1);  // the abandoned half build, never under the bundle's name

    REQUIRE(project.build("ja").exit_code == 0);
    entries = 0;
    for (const auto& entry : fs::directory_iterator(project.dir / "dist")) entries += entry.path() != bundle;
    CHECK(entries == 0);  // and the next build clears it away
}

TEST_CASE("a build blocked by its last document leaves nothing behind, and lists its blockers wherever it was to write",
          "[build][gate]") {
    // The documents are written as they pass the gate: those before the
    // blocked one were, and must go.
    Project project({"fr"}, corpus_documents());
    project.approve_pseudo("fr");
    const fs::path dist = project.dir / "dist";
    REQUIRE(project.build("fr").exit_code == 0);
    const auto before = snapshot(dist / "fr");
    const std::string id = run({"sqlite3", project.db.string(),
                                "SELECT id FROM segment WHERE document_id = (SELECT MAX(id) FROM document) LIMIT 1"})
                               .out.substr(0, 16);
    REQUIRE(project.ok({"review", "reject", "--locale", "fr", "--segment", id, "--as", "ben", "--role", "reviser",
                        "--comment", "Wrong term"}));

    const Result blocked = project.build("fr");
    INFO(blocked.out << blocked.err);
    CHECK(blocked.exit_code == 3);
    CHECK(blocked.err.find(id + "  needs-translation: ") != std::string::npos);
    CHECK(snapshot(dist / "fr") == before);
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(dist)) entries += entry.path() != dist / "fr";
    CHECK(entries == 0);  // no half-built folder

    // A folder that cannot be written does not hide what blocks the bundle...
    const fs::path not_a_folder = project.dir / "not-a-folder";
    write_file(not_a_folder, "a file");
    const std::vector<std::string> elsewhere = {"build", "--locale", "fr", "--out", not_a_folder.string(),
                                                "--as",  "pat"};
    const Result unwritable = run_medloc(project.db, elsewhere);
    CHECK(unwritable.exit_code == 3);
    CHECK(unwritable.err.find(id + "  needs-translation: ") != std::string::npos);
    // ...and is told once nothing does.
    project.approve_pseudo("fr");
    const Result refused = run_medloc(project.db, elsewhere);
    CHECK(refused.exit_code != 0);
    CHECK(refused.exit_code != 3);
    CHECK(refused.err.find("not-a-folder") != std::string::npos);
    CHECK(read_file(not_a_folder) == "a file");
}
