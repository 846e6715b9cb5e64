// Hostile and careless input (issue 12): each case makes its own file, the
// way an attacker or a tired translator would, and checks that medloc does
// not crash, does not change a translator's text behind their back, and
// never publishes markup a translation smuggled in.
#include "support.h"

#include <gumbo.h>
#include <md4c.h>
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>

using namespace medloc::test;

namespace {

// A project with one document of the test's own, exported for es-US.
struct Project {
    TempDir dir;
    fs::path db;
    fs::path document;

    Project(const std::string& name, const std::string& bytes) : db(new_project(dir)), document(dir / "docs" / name) {
        write_file(document, bytes);
        REQUIRE(ok({"extract", (dir / "docs").string(), "--as", "pat"}));
    }

    bool ok(const std::vector<std::string>& args) const { return succeeds(db, args); }

    fs::path exported(const std::string& format = "xliff-1.2") const {
        const fs::path out = dir / ("out-" + format);
        REQUIRE(ok({"export", "--locale", "es-US", "--out", out.string(), "--format", format}));
        return out / "es-US" / (document.filename().string() + ".xlf");
    }

    // The export with each target set by `translate` (given the source
    // text), saved by pugixml as a tool would, and its path.
    fs::path translated(const std::function<std::string(const std::string&)>& translate) const {
        const fs::path path = exported();
        pugi::xml_document xliff;
        REQUIRE(xliff.load_file(path.c_str()));
        for (pugi::xpath_node unit : xliff.select_nodes("//trans-unit")) {
            pugi::xml_node target = unit.node().child("target");
            const pugi::xml_node source = unit.node().child("source");
            target.remove_children();
            if (source.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; })) {
                // Translated, keeping its codes (a mark each side: text in
                // front of the whole English alone is refused as half-translated).
                target.append_child(pugi::node_pcdata).set_value("ES ");
                for (pugi::xml_node part : source.children()) target.append_copy(part);
                target.append_child(pugi::node_pcdata).set_value(" (ES)");
            } else {
                target.text().set(translate(source.text().get()).c_str());
            }
            target.attribute("state").set_value("translated");
        }
        const fs::path returned = dir / "returned.xlf";
        REQUIRE(xliff.save_file(returned.c_str()));
        return returned;
    }

    // Imported by Ana, revised by Ben, approved by Dr. Chen, built by Pat:
    // the published page.
    std::string published(const fs::path& xliff) const {
        REQUIRE(ok({"import", xliff.string(), "--as", "ana", "--role", "translator"}));
        REQUIRE(ok({"review", "revise", "--locale", "es-US", "--all", "--as", "ben"}));
        REQUIRE(ok({"review", "approve", "--locale", "es-US", "--all", "--as", "carla"}));
        REQUIRE(ok({"build", "--locale", "es-US", "--out", (dir / "dist").string(), "--as", "pat"}));
        return read_file(dir / "dist" / "es-US" / document.filename());
    }

    std::vector<std::string> import(const fs::path& xliff) const {
        return {"import", xliff.string(), "--as", "ana", "--role", "translator"};
    }
};

// The export of `project` with the first `from` after `after` replaced.
fs::path changed_export(const Project& project, const std::string& from, const std::string& to,
                        const std::string& format = "xliff-1.2", const std::string& after = "<target") {
    std::string text = read_file(project.exported(format));
    const std::size_t at = text.find(from, text.find(after));
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    const fs::path returned = project.dir / "returned.xlf";
    write_file(returned, text);
    return returned;
}

const std::string kLeaflet =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Syrup</title></head><body>\n"
    "<p>Give the dose with the spoon.</p>\n"
    "<p><img alt='A spoon of syrup' src='spoon.png'> <img alt=Syrup src=bottle.png></p>\n"
    "</body></html>\n";

// Every element's attributes, in document order, as a browser parses them.
void collect_attributes(const GumboNode* node, std::vector<std::map<std::string, std::string>>& out) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    std::map<std::string, std::string> attributes;
    const GumboVector& list = node->v.element.attributes;
    for (unsigned i = 0; i < list.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(list.data[i]);
        attributes[attribute->name] = attribute->value;
    }
    if (node->v.element.tag == GUMBO_TAG_IMG) out.push_back(std::move(attributes));
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
        collect_attributes(static_cast<const GumboNode*>(children.data[i]), out);
}

std::vector<std::map<std::string, std::string>> images_of(const std::string& html) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    std::vector<std::map<std::string, std::string>> images;
    collect_attributes(output->root, images);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return images;
}

// The title of every link in a Markdown document, as CommonMark reads it.
std::vector<std::string> link_titles(const std::string& markdown) {
    std::vector<std::string> titles;
    MD_PARSER parser{};
    parser.enter_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
    parser.leave_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* titles) {
        if (type != MD_SPAN_A) return 0;
        const MD_ATTRIBUTE& title = static_cast<MD_SPAN_A_DETAIL*>(detail)->title;
        static_cast<std::vector<std::string>*>(titles)->emplace_back(title.text, title.size);
        return 0;
    };
    parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.text = [](MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) { return 0; };
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &titles);
    return titles;
}

}  // namespace

TEST_CASE("an attribute without a value does not crash extract", "[hostile]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    write_file(dir / "docs" / "a.html",
               "<html><body><p>Wash your hands. <img alt src=\"x.png\"> Dry them.</p>"
               "<p title>Keep the card.</p></body></html>\n");
    REQUIRE(succeeds(db, {"extract", (dir / "docs").string(), "--as", "pat"}));
    const Result status = run_medloc(db, {"status", "--json"});
    CHECK(status.out.find("\"segments\": 3,") != std::string::npos);
}

TEST_CASE("a translated attribute value cannot add attributes to the published page", "[hostile]") {
    Project project("leaflet.html", kLeaflet);
    const std::map<std::string, std::string> attack = {
        {"A spoon of syrup", "x' onerror='alert(1)"},
        {"Syrup", "x onerror=alert(2) title=\"y\""},
    };
    const std::string page = project.published(project.translated([&](const std::string& source) {
        const auto found = attack.find(source);
        return found != attack.end() ? found->second : "ES " + source + " (ES)";
    }));
    const auto images = images_of(page);
    REQUIRE(images.size() == 2);
    for (const auto& image : images) {
        INFO(page);
        CHECK(image.size() == 2);  // alt and src, nothing added
        CHECK_FALSE(image.contains("onerror"));
    }
    CHECK(images[0].at("alt") == "x' onerror='alert(1)");
    CHECK(images[1].at("alt") == "x onerror=alert(2) title=\"y\"");
}

TEST_CASE("a quote in a translated Markdown link title stays inside the title", "[hostile]") {
    Project project("dose.md", "# Dosing\n\nSee [the chart](chart.png \"Dose chart\").\n");
    const std::string page = project.published(project.translated([](const std::string& source) -> std::string {
        if (source == "Dose chart") return "Tabla \"de\" (dosis) 'x'";
        return "ES " + source + " (ES)";
    }));
    INFO(page);
    const std::vector<std::string> titles = link_titles(page);
    REQUIRE(titles.size() == 1);
    // md4c hands titles over with their escapes resolved when they have none
    // left; compare what a renderer shows.
    std::string shown;
    for (std::size_t i = 0; i < titles[0].size(); ++i)
        if (titles[0][i] != '\\') shown += titles[0][i];
    CHECK(shown == "Tabla \"de\" (dosis) 'x'");
    CHECK(page.find("(chart.png ") != std::string::npos);
}

TEST_CASE("a character reference to U+0000 is refused, not allowed to cut the sentence", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day only if your child weighs more than 20 kg.\n");
    const fs::path returned =
        changed_export(project, "Give 5 mL every day only if your child weighs more than 20 kg.</target>",
                       "Dé 5 mL cada día&#0; SOLO si pesa más de 20 kg.</target>");
    check_refused(project.db, project.import(returned), returned.string() + ":", "U+0000");
}

TEST_CASE("an XLIFF 2.0 cp of U+0000 or a lone surrogate is refused", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n");
    for (const std::string hex : {"0", "D800", "1B"}) {
        const fs::path returned =
            changed_export(project, "Give 5 mL every day.</source>",
                           "Give 5 mL every day.</source><target>Dé 5 mL<cp hex=\"" + hex + "\"/> cada día.</target>",
                           "xliff-2.0", "<source");
        check_refused(project.db, project.import(returned), returned.string() + ":",
                      "<cp hex=\"" + hex + "\"/> stands for a character medloc cannot keep");
    }
}

TEST_CASE("raw control characters in a target are refused", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n");
    for (const std::string control : {"\x1b[31m", "\x07"}) {
        const fs::path returned =
            changed_export(project, "Give 5 mL every day.</target>", "Dé 5 mL" + control + " cada día.</target>");
        check_refused(project.db, project.import(returned), returned.string() + ":", "control character U+00");
    }
}

TEST_CASE("a DTD and its entities are refused, not stored as written", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n");
    std::string text = read_file(project.exported());
    text.replace(text.find("<xliff"), 0, "<!DOCTYPE xliff [ <!ENTITY dose \"50 mL\"> ]>\n");
    text.replace(text.find("Give 5 mL every day.</target>"), 20, "Dé &dose; cada día.");
    const fs::path returned = project.dir / "returned.xlf";
    write_file(returned, text);
    check_refused(project.db, project.import(returned), returned.string() + ":2:", "document type declaration");
    // Without the DTD the entity is undefined: refused too.
    text.erase(text.find("<!DOCTYPE"), text.find("<xliff") - text.find("<!DOCTYPE"));
    write_file(returned, text);
    check_refused(project.db, project.import(returned), returned.string() + ":", "the entity &dose; is not defined");
}

TEST_CASE("a foreign-namespace target is not the target, a second target and a second file are refused", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n");
    // A tool's own element named target is passed over: the unit stays untranslated.
    const fs::path foreign =
        changed_export(project, "<target state=\"new\">Give 5 mL every day.</target>",
                       "<target state=\"new\">Give 5 mL every day.</target><o:target xmlns:o=\"urn:other\">Dé 50 mL "
                       "cada día.</o:target>");
    REQUIRE(project.ok(project.import(foreign)));
    CHECK(run_medloc(project.db, {"history", "--doc", "dose.txt", "--json"}).out.find("50 mL") == std::string::npos);

    const fs::path second = changed_export(project, "<target state=\"new\">Give 5 mL every day.</target>",
                                           "<target state=\"translated\">Dé 5 mL cada día.</target><target "
                                           "state=\"translated\">Dé 50 mL cada día.</target>");
    check_refused(project.db, project.import(second), second.string() + ":", "has a second <target>");

    std::string text = read_file(project.exported());
    const std::size_t file = text.find("<file");
    const std::string whole = text.substr(file, text.find("</file>") + 7 - file);
    text.insert(text.find("</xliff>"), whole);
    const fs::path two_files = project.dir / "returned.xlf";
    write_file(two_files, text);
    check_refused(project.db, project.import(two_files), two_files.string() + ":", "a second <file> for document");
}

TEST_CASE("200000 nested mrk elements in a target are refused, not a stack overflow", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n");
    std::string nested;
    for (int i = 0; i < 200000; ++i) nested += "<mrk mtype=\"x\">";
    nested += "Dé 5 mL";
    for (int i = 0; i < 200000; ++i) nested += "</mrk>";
    const fs::path returned = changed_export(project, "Give 5 mL every day.</target>", nested + "</target>");
    check_refused(project.db, project.import(returned), returned.string() + ":", "nested more than 256 deep");
}

TEST_CASE("a translator's stale file does not replace a newer revision", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n\nKeep it cold.\n");
    // Ana's file, exported before anyone translated.
    const fs::path stale = project.translated([](const std::string& source) {
        if (source == "Give 5 mL every day.") return std::string("Dé 5 mL cada día.");
        return "ES " + source + " (ES)";
    });
    const fs::path kept = project.dir / "ana.xlf";
    fs::copy_file(stale, kept);
    REQUIRE(project.ok(project.import(kept)));
    // Ben rewrites the dose sentence after Ana's import, in a file of his own.
    const fs::path bens = changed_export(project, "Dé 5 mL cada día.</target>", "Administre 5 mL al día.</target>");
    REQUIRE(project.ok({"import", bens.string(), "--as", "ben", "--role", "reviser"}));

    // Ana imports her old file again: her dose sentence differs from the one
    // exported to her (nothing) and from Ben's: refused, naming Ben's text.
    check_refused(project.db, project.import(kept), "changed in the project after this file was exported",
                  "now \"Administre 5 mL al día.\" (Ben Ode", 3);
    // --overwrite-newer replaces it, and history keeps both.
    std::vector<std::string> overwrite = project.import(kept);
    overwrite.push_back("--overwrite-newer");
    REQUIRE(project.ok(overwrite));
    const std::string history = run_medloc(project.db, {"history", "--doc", "dose.txt", "--json"}).out;
    CHECK(history.find("Administre 5 mL al d") != std::string::npos);
    CHECK(history.rfind("Dé 5 mL cada día.") > history.find("Administre 5 mL al d"));
}

TEST_CASE("a unit the stale file left as exported keeps the project's newer target", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n");
    REQUIRE(project.ok(project.import(project.translated([](const std::string& s) { return "ES " + s + " (ES)"; }))));
    const fs::path anas = project.exported();  // Ana's copy: "ES Give 5 mL every day. (ES)"
    const fs::path kept = project.dir / "ana.xlf";
    fs::copy_file(anas, kept);
    const fs::path bens =
        changed_export(project, "ES Give 5 mL every day. (ES)</target>", "Dé 5 mL cada día.</target>");
    REQUIRE(project.ok({"import", bens.string(), "--as", "ben", "--role", "reviser"}));
    const Result imported = run_medloc(project.db, project.import(kept));
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out.find("left as exported while the project's target changed since") != std::string::npos);
    CHECK(read_file(project.exported()).find("Dé 5 mL cada día.") != std::string::npos);
}

TEST_CASE("two files for one document in one import are refused with nothing stored", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n");
    const fs::path first = project.translated([](const std::string& s) { return "ES " + s + " (ES)"; });
    const fs::path one = project.dir / "one.xlf";
    fs::rename(first, one);
    const fs::path two = changed_export(project, "Give 5 mL every day.</target>", "Dé 50 mL cada día.</target>");
    check_refused(project.db, {"import", one.string(), two.string(), "--as", "ana", "--role", "translator"},
                  two.string(), "is also in " + one.string());
}

// The corpus extracted into a new project in `dir`, exported with pseudo
// targets for es-US; its files, in order.
std::vector<std::string> pseudo_exported(const TempDir& dir, fs::path& db) {
    db = new_project(dir);
    REQUIRE(succeeds(db, {"extract", corpus_dir().string(), "--as", "pat"}));
    REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--out", (dir / "out").string(), "--pseudo"}));
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir / "out" / "es-US")) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// What the imports stored, in the order they stored it: each translation
// and each event, but for when and under which signature.
std::string stored(const fs::path& db) {
    const Result translations =
        run({"sqlite3", db.string(),
             "SELECT t.segment_id, t.locale, t.state, x.content FROM translation t JOIN text x ON x.id = t.target "
             "ORDER BY t.segment_id, t.locale"});
    const Result events = run({"sqlite3", db.string(),
                               "SELECT segment_id, locale, actor_id, role, meaning, state, source, target, comment "
                               "FROM log WHERE segment_id IS NOT NULL ORDER BY id"});
    REQUIRE(translations.exit_code == 0);
    REQUIRE(events.exit_code == 0);
    return translations.out + "\n" + events.out;
}

TEST_CASE("an import of many files, planned ahead of its writes, stores what one file at a time stores", "[import]") {
    TempDir together_dir, apart_dir;
    fs::path together, apart;
    std::vector<std::string> files = pseudo_exported(together_dir, together);
    const std::vector<std::string> apart_files = pseudo_exported(apart_dir, apart);
    REQUIRE(files.size() >= 3);
    const std::vector<std::string> as_ana = {"--as", "ana", "--role", "translator"};

    // A file the reader ahead cannot read, among good ones: it is named,
    // and nothing of the files before it is stored.
    const std::string good = read_file(files[2]);
    write_file(files[2], good.substr(0, good.size() / 2));
    std::vector<std::string> all = {"import"};
    all.insert(all.end(), files.begin(), files.end());
    all.insert(all.end(), as_ana.begin(), as_ana.end());
    check_refused(together, all, files[2], "");
    write_file(files[2], good);

    const Result imported = run_medloc(together, all);
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    for (const std::string& file : apart_files) {
        std::vector<std::string> one = {"import", file};
        one.insert(one.end(), as_ana.begin(), as_ana.end());
        REQUIRE(succeeds(apart, one));
    }
    const std::string stored_together = stored(together);
    CHECK(std::count(stored_together.begin(), stored_together.end(), '\n') > 200);
    CHECK(stored_together == stored(apart));
    CHECK(succeeds(together, {"audit", "verify"}));
}

TEST_CASE("a failure while storing the second file of an import leaves the first unstored too", "[hostile]") {
    Project project("dose.txt", "Dosing\n\nGive 5 mL every day.\n");
    write_file(project.dir / "docs" / "cold.txt", "Storage\n\nKeep it cold.\n");
    REQUIRE(project.ok({"extract", (project.dir / "docs").string(), "--as", "pat"}));
    REQUIRE(project.ok({"export", "--locale", "es-US", "--out", (project.dir / "p").string(), "--pseudo"}));
    const std::vector<std::string> both = {"import",
                                           (project.dir / "p" / "es-US" / "cold.txt.xlf").string(),
                                           (project.dir / "p" / "es-US" / "dose.txt.xlf").string(),
                                           "--as",
                                           "ana",
                                           "--role",
                                           "translator"};
    // How many database statements the whole import takes, on a copy.
    const fs::path copy = project.dir / "copy.db";
    fs::copy_file(project.db, copy);
    const fs::path count = project.dir / "count";
    setenv("MEDLOC_TEST_COUNT_FAULT_POINTS", count.c_str(), 1);
    REQUIRE(succeeds(copy, both));
    unsetenv("MEDLOC_TEST_COUNT_FAULT_POINTS");
    const long points = std::stol(read_file(count));
    // The commit is the last statement: fail the one before it, when the
    // first file's targets are written and the second file's are too.
    const std::string before = read_file(project.db);
    setenv("MEDLOC_TEST_FAIL_AT", std::to_string(points - 1).c_str(), 1);
    const Result failed = run_medloc(project.db, both);
    unsetenv("MEDLOC_TEST_FAIL_AT");
    INFO(failed.err);
    CHECK(failed.exit_code == 4);
    CHECK(failed.err.find("Nothing was changed.") != std::string::npos);
    CHECK(read_file(project.db) == before);
}
