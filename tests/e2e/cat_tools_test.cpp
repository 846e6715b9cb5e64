// What CAT tools really hand back (issue 15): a file made from an older
// version of the document, targets that are still the source copy whatever
// state a tool gives them, the tools' own confirmation marks, memoQ's
// rid-paired codes, Trados and memoQ files made from a medloc export, and a
// translation typed in front of the pre-filled English. Each file is built
// by the test from a real export.
#include "exported.h"
#include "reviews/store.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace medloc;
using namespace medloc::test;

namespace {

// The export's text with the target of the unit whose source is `source`
// (no inline codes) set to `target`, in `state`.
std::string with_target(std::string text, const std::string& source, const std::string& target,
                        const std::string& state = "translated") {
    const std::string old = "<target state=\"new\">" + source + "</target>";
    const std::size_t at = text.find(old);
    REQUIRE(at != std::string::npos);
    text.replace(at, old.size(), "<target state=\"" + state + "\">" + target + "</target>");
    return text;
}

const std::string kTitle = "What is a concussion?";
const std::string kFever =
    "Fever is <g id=\"1\" ctype=\"bold\">not</g> a typical concussion symptom.";  // its unit has a code

std::string unit_id(const std::string& text, const std::string& source) {
    const std::size_t at = text.rfind("<trans-unit id=\"", text.find("<source>" + source));
    return text.substr(at + 16, 16);
}

std::optional<reviews::Translation> translation_of(const fs::path& db, const std::string& segment) {
    const auto store = reviews::open_project(db.string());
    return store->translation(segment, "es-US");
}

nlohmann::json check_json(const fs::path& db) {
    const Result checked = run_medloc(db, {"check", "--locale", "es-US", "--json"});
    return nlohmann::json::parse(checked.out);
}

// The findings `check --json` reports for one segment, by check name.
std::vector<std::string> findings_of(const fs::path& db, const std::string& segment) {
    std::vector<std::string> checks;
    const nlohmann::json report = check_json(db);
    for (const nlohmann::json& finding : report["findings"])
        if (finding["segment"] == segment) checks.push_back(finding["check"]);
    return checks;
}

}  // namespace

TEST_CASE("a file made from an older version imports its current units and reports the others", "[import][stale]") {
    Exported x;
    const std::string title = unit_id(x.text, kTitle);
    const std::string fever = unit_id(x.text, "Fever is");
    const std::string due = unit_id(x.text, "Next review due");
    std::string returned = with_target(x.text, kTitle, "¿Qué es una conmoción cerebral?");
    returned =
        with_target(returned, "Next review due September 12, 2021.", "Próxima revisión: 12 de septiembre de 2021.");
    const std::string fever_target = "<target state=\"new\">" + kFever;
    returned.replace(returned.find(fever_target), fever_target.size(),
                     "<target state=\"translated\">La fiebre <g id=\"1\" ctype=\"bold\">no</g> es un síntoma típico.");
    write_file(x.dir / "returned.xlf", returned);

    // The document changes under the translator: one sentence edited, one removed.
    std::string source = read_file(x.document);
    source.replace(source.find("Fever is"), 8, "A fever is");
    source.erase(source.find("Next review due September 12, 2021."), 36);
    write_file(x.document, source);
    REQUIRE(succeeds(x.db, {"extract", (x.dir / "docs").string(), "--as", "pat"}));

    const Result imported = run_medloc(x.db, x.import());
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);
    // The unchanged sentence's translation is stored...
    const auto stored = translation_of(x.db, title);
    REQUIRE(stored);
    CHECK(stored->state == reviews::State::translated);
    CHECK(stored->target == "¿Qué es una conmoción cerebral?");
    // ... the others are reported by id and text, and nothing is stored for them.
    CHECK(imported.out.find("made from version 1; now version 2, so 2 unit(s) were not imported") != std::string::npos);
    CHECK(imported.out.find(fever + " \"Fever is not a typical concussion symptom.") != std::string::npos);
    CHECK(imported.out.find("source changed; now segment ") != std::string::npos);
    CHECK(imported.out.find("\"A fever is not a typical concussion symptom.") != std::string::npos);
    CHECK(imported.out.find(due + " \"Next review due September 12, 2021.\": removed") != std::string::npos);
    CHECK_FALSE(translation_of(x.db, fever));
    CHECK_FALSE(translation_of(x.db, due));
}

TEST_CASE("a file naming a version the document never had is refused", "[import][stale][bad-input]") {
    Exported x;
    x.refuses_change("build-num=\"1\"", "build-num=\"7\"", "names version 7 of \"concussion-return-to-play.md\"");
}

TEST_CASE("a source copy marked final is not a translation unless a person confirms it", "[import][source-copy]") {
    Exported x;
    const std::string title = unit_id(x.text, kTitle);
    write_file(x.dir / "returned.xlf", with_target(x.text, kTitle, kTitle, "final"));
    const Result plain = run_medloc(x.db, x.import());
    INFO(plain.out << plain.err);
    REQUIRE(plain.exit_code == 0);
    CHECK(plain.out.find("120 still the source copy") != std::string::npos);
    CHECK_FALSE(translation_of(x.db, title));

    // The same file confirmed: the source text is the translation, by Ana.
    const std::vector<std::string> confirm = x.import_confirming();
    const Result confirmed = run_medloc(x.db, confirm);
    INFO(confirmed.out << confirmed.err);
    REQUIRE(confirmed.exit_code == 0);
    CHECK(confirmed.out.find("1 of the translated targets are the source text itself") != std::string::npos);
    const auto stored = translation_of(x.db, title);
    REQUIRE(stored);
    CHECK(stored->state == reviews::State::translated);
    CHECK(stored->target == kTitle);
    const Result history = run_medloc(x.db, {"history", "--segment", title, "--locale", "es-US", "--json"});
    CHECK(history.out.find("translated as the source text") != std::string::npos);
    CHECK(history.out.find("Ana Ruiz") != std::string::npos);
    // QA's untranslated check respects the confirmation.
    CHECK(findings_of(x.db, title).empty());
}

TEST_CASE("confirming source copies takes a translated mark: an untouched copy stays untranslated",
          "[import][source-copy]") {
    Exported x;
    const std::string title = unit_id(x.text, kTitle);
    write_file(x.dir / "returned.xlf", x.text);  // every target still state="new"
    const std::vector<std::string> confirm = x.import_confirming();
    const Result imported = run_medloc(x.db, confirm);
    REQUIRE(imported.exit_code == 0);
    CHECK_FALSE(translation_of(x.db, title));
}

TEST_CASE("review keep-source confirms a source text as the translation and it is then reviewed as any",
          "[review][source-copy]") {
    Exported x;
    const std::string title = unit_id(x.text, kTitle);
    // A reviser may not approve, a clinician may not keep; --doc is refused.
    check_refused(x.db, {"review", "keep-source", "--locale", "es-US", "--segment", title, "--as", "carla"}, "Carla",
                  "needs the translator or reviser role", 3);
    check_refused(
        x.db, {"review", "keep-source", "--locale", "es-US", "--doc", "concussion-return-to-play.md", "--as", "ana"},
        "keep-source takes --segment", "one segment at a time", 1);
    REQUIRE(succeeds(x.db, {"review", "keep-source", "--locale", "es-US", "--segment", title, "--as", "ana"}));
    auto stored = translation_of(x.db, title);
    REQUIRE(stored);
    CHECK(stored->state == reviews::State::translated);
    CHECK(stored->target == kTitle);
    CHECK(findings_of(x.db, title).empty());
    // Ana kept it: she cannot revise it; Ben can, then Carla approves.
    REQUIRE(succeeds(x.db, {"review", "revise", "--locale", "es-US", "--segment", title, "--as", "ben"}));
    REQUIRE(succeeds(x.db, {"review", "approve", "--locale", "es-US", "--segment", title, "--as", "carla"}));
    stored = translation_of(x.db, title);
    CHECK(stored->state == reviews::State::approved);
    // A revised or approved target is not replaced behind the reviewers' backs.
    check_refused(x.db, {"review", "keep-source", "--locale", "es-US", "--segment", title, "--as", "ana"}, title,
                  "already approved", 3);
}

TEST_CASE("without confirmation the same target is reported untranslated by QA", "[review][source-copy]") {
    Exported x;
    const std::string title = unit_id(x.text, "A concussion is a brain injury");
    const std::string sentence =
        "A concussion is a brain injury caused by a bump, blow or jolt to the head or body that makes the brain "
        "move quickly inside the skull.";
    // An older medloc took a translated source copy as a translation: the
    // log says "translated", not "translated as the source text".
    write_file(x.dir / "returned.xlf", with_target(x.text, sentence, sentence + " "));
    const Result imported = run_medloc(x.db, x.import());
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);
    const std::vector<std::string> found = findings_of(x.db, title);
    CHECK(std::find(found.begin(), found.end(), "untranslated") != found.end());
    REQUIRE(succeeds(x.db, {"review", "keep-source", "--locale", "es-US", "--segment", title, "--as", "ana"}));
    CHECK(findings_of(x.db, title).empty());
}

TEST_CASE("a translation typed in front of the pre-filled English is refused", "[import][bad-input]") {
    Exported x;
    const std::string sentence =
        "A concussion is a brain injury caused by a bump, blow or jolt to the head or body that makes the brain "
        "move quickly inside the skull.";
    for (const std::string& target :
         {"Una conmoción cerebral es una lesión cerebral. " + sentence, sentence + " Una conmoción cerebral."}) {
        INFO(target);
        write_file(x.dir / "returned.xlf", with_target(x.text, sentence, target));
        check_refused(x.db, x.import(), x.unit_with("<source>" + sentence), "still holds the whole source text");
    }
}

TEST_CASE("memoQ's bpt and ept paired by rid import", "[import][tools]") {
    Exported x;
    const std::string source = "Your child does <g id=\"1\" ctype=\"bold\">not</g> have to be \"knocked out\"";
    const std::string id = unit_id(x.text, "Your child does");
    std::string text = x.text;
    const std::string old_target = "<target state=\"new\">" + source;
    text.replace(text.find(old_target), old_target.size(),
                 "<target state=\"translated\">Su hijo <bpt id=\"1\" rid=\"1\">&lt;b&gt;</bpt>no<ept id=\"2\" "
                 "rid=\"1\">&lt;/b&gt;</ept> tiene que quedar \"inconsciente\"");
    write_file(x.dir / "returned.xlf", text);
    const Result imported = run_medloc(x.db, x.import());
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);
    const auto stored = translation_of(x.db, id);
    REQUIRE(stored);
    CHECK(stored->target->find("no") != std::string::npos);

    // A closing code whose rid nothing opened is refused.
    text.replace(text.find("<ept id=\"2\" rid=\"1\">"), 20, "<ept id=\"2\" rid=\"4\">");
    write_file(x.dir / "returned.xlf", text);
    check_refused(x.db, x.import(), (x.dir / "returned.xlf").string(), "closes rid \"4\"");
}

// The export reshaped as Trados saves a .sdlxliff of it: sdl namespace,
// <seg-source> and <mrk mtype="seg"> segmentation, <sdl:seg-defs> with the
// confirmation level of each segment, and no XLIFF state.
std::string as_sdlxliff(const std::string& text, const std::string& source, const std::string& target,
                        const std::string& conf) {
    std::string out = text;
    out.replace(out.find("<xliff version=\"1.2\""), 20,
                "<xliff xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\" version=\"1.2\" sdl:version=\"1.0\"");
    const std::string unit = "<source>" + source + "</source>\n<target state=\"new\">" + source + "</target>";
    const std::size_t at = out.find(unit);
    REQUIRE(at != std::string::npos);
    out.replace(at, unit.size(),
                "<source>" + source + "</source>\n<seg-source><mrk mtype=\"seg\" mid=\"1\">" + source +
                    "</mrk></seg-source>\n<target><mrk mtype=\"seg\" mid=\"1\">" + target +
                    "</mrk></target>\n<sdl:seg-defs><sdl:seg id=\"1\" conf=\"" + conf + "\"/></sdl:seg-defs>");
    return out;
}

TEST_CASE("a Trados sdlxliff made from an export imports, its confirmation a hint and never a sign-off",
          "[import][tools]") {
    Exported x;
    const std::string title = unit_id(x.text, kTitle);
    // Confirmed as translated by Trados, the source copy is confirmed by --confirm-source-copies.
    write_file(x.dir / "returned.xlf", as_sdlxliff(x.text, kTitle, kTitle, "Translated"));
    const std::vector<std::string> confirm = x.import_confirming();
    Result imported = run_medloc(x.db, confirm);
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);
    REQUIRE(translation_of(x.db, title));
    CHECK(translation_of(x.db, title)->state == reviews::State::translated);

    // A draft is no confirmation: the copy stays untranslated.
    Exported y;
    write_file(y.dir / "returned.xlf", as_sdlxliff(y.text, kTitle, kTitle, "Draft"));
    imported = run_medloc(y.db, y.import_confirming());
    REQUIRE(imported.exit_code == 0);
    CHECK_FALSE(translation_of(y.db, title));

    // Trados's sign-off level, imported by a reviser, revises nothing.
    write_file(x.dir / "returned.xlf", as_sdlxliff(x.text, kTitle, kTitle, "ApprovedSignOff"));
    imported = run_medloc(x.db, {"import", (x.dir / "returned.xlf").string(), "--as", "ben", "--role", "reviser"});
    INFO(imported.out << imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(translation_of(x.db, title)->state == reviews::State::translated);
}

TEST_CASE("a memoQ mqxliff and a Phrase mxliff made from an export import, their marks hints only", "[import][tools]") {
    const std::string sentence = "Any sport can cause a concussion";
    for (const auto& [namespace_declaration, mark] :
         {std::pair{"xmlns:mq=\"MQXliff\"", "mq:status=\"ManuallyConfirmed\""},
          std::pair{"xmlns:m=\"http://www.memsource.com/mxlf/2017/6\"", "m:confirmed=\"1\""}}) {
        INFO(mark);
        Exported x;
        const std::string id = unit_id(x.text, sentence);
        std::string text = x.text;
        text.replace(text.find("<xliff version=\"1.2\""), 20,
                     std::string("<xliff version=\"1.2\" ") + namespace_declaration);
        const std::string unit = "<trans-unit id=\"" + id + "\" xml:space=\"preserve\">";
        text.replace(text.find(unit), unit.size(),
                     "<trans-unit id=\"" + id + "\" xml:space=\"preserve\" " + mark + ">");
        const std::string target = "<target state=\"new\">" + sentence + "</target>";
        text.replace(text.find(target), target.size(), "<target>" + sentence + "</target>");
        write_file(x.dir / "returned.xlf", text);
        const std::vector<std::string> confirm = x.import_confirming();
        const Result imported = run_medloc(x.db, confirm);
        INFO(imported.out << imported.err);
        REQUIRE(imported.exit_code == 0);
        const auto stored = translation_of(x.db, id);
        REQUIRE(stored);
        CHECK(stored->state == reviews::State::translated);
    }
}
