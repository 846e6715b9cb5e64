// The clinical checks in the workflow: a dose error found by medloc check
// and the import, refused by revision and approval with the finding listed,
// waived only by a clinician who did not write the target and only for that
// text, and carried to translators as notes in the XLIFF they get.
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

using namespace medloc::test;

namespace {

const std::string kDoc = "fever-acetaminophen-dosing.txt";
// The pseudo-translation of "... one strength: 160 mg/5 mL.", and a dose error in it.
const std::string kStrength = "\u0163\u0125: 160 \u1E41\u011D/5 \u1E41\u013B";
const std::string kTenfold = "\u0163\u0125: 16 \u1E41\u011D/5 \u1E41\u013B";

struct Project {
    TempDir dir;
    fs::path db;

    Project() : db(new_project(dir, "es-US")) {
        write_file(dir / "docs" / kDoc, read_file(corpus_dir() / kDoc));
        REQUIRE(succeeds(db, {"extract", (dir / "docs").string(), "--as", "pat"}));
    }

    // The pseudo-translation imported by `who`, with `from` replaced by `to`.
    Result translate(const std::string& who, const std::string& from = "", const std::string& to = "") const {
        const fs::path out = dir / ("pseudo-" + std::to_string(++exports));
        REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--out", out.string(), "--pseudo"}));
        const fs::path file = out / "es-US" / (kDoc + ".xlf");
        std::string text = read_file(file);
        if (!from.empty()) {
            const std::size_t at = text.find(from);
            REQUIRE(at != std::string::npos);
            text.replace(at, from.size(), to);
            write_file(file, text);
        }
        const Result imported = run_medloc(db, {"import", file.string(), "--as", who, "--role", "translator"});
        INFO(imported.err);
        REQUIRE(imported.exit_code == 0);
        return imported;
    }

    // What status says of the open QA errors of the document.
    int status_errors() const {
        const Result result = run_medloc(db, {"status", "--json"});
        REQUIRE(result.exit_code == 0);
        return nlohmann::json::parse(result.out)["documents"][0]["locales"]["es-US"]["qa_errors"].get<int>();
    }

    nlohmann::json check() const {
        const Result result = run_medloc(db, {"check", "--locale", "es-US", "--json"});
        INFO(result.err);
        REQUIRE((result.exit_code == 0 || result.exit_code == 3));
        nlohmann::json json = nlohmann::json::parse(result.out);
        CHECK((result.exit_code == 3) == (json["errors"].get<int>() > 0));
        return json;
    }

    std::vector<std::string> review(const std::string& act, const std::string& who,
                                    const std::vector<std::string>& more = {}) const {
        std::vector<std::string> args = {"review", act, "--locale", "es-US", "--doc", kDoc, "--as", who};
        args.insert(args.end(), more.begin(), more.end());
        return args;
    }

    mutable int exports = 0;
};

}  // namespace

TEST_CASE("medloc check lists a dose error with document, segment, check and spans, and import counts it", "[qa]") {
    Project project;
    const Result imported = project.translate("ana", kStrength, kTenfold);
    CHECK(imported.out.find("QA: 1 error(s)") != std::string::npos);
    const nlohmann::json json = project.check();
    CHECK(json["errors"] == 1);
    REQUIRE(json["findings"].size() == 1);
    const nlohmann::json& finding = json["findings"][0];
    CHECK(finding["document"] == kDoc);
    CHECK(finding["check"] == "numbers");
    CHECK(finding["severity"] == "error");
    CHECK(finding["source_span"]["text"] == "160 mg");
    CHECK(finding["source"].get<std::string>().find("160 mg/5 mL") != std::string::npos);
    CHECK(finding["message"].get<std::string>().find("16 mg") != std::string::npos);
    const Result text = run_medloc(project.db, {"check", "--locale", "es-US", "--doc", kDoc});
    CHECK(text.exit_code == 3);
    CHECK(text.out.find("error [numbers] the source has \u201c160 mg\u201d") != std::string::npos);
    CHECK(run_medloc(project.db, {"check", "--locale", "es-US", "--doc", "nope.txt"}).exit_code == 2);
}

TEST_CASE("a dose error blocks revision and approval until a clinician who did not write it waives it", "[qa]") {
    Project project;
    project.translate("dan", kStrength, kTenfold);  // dan translates, and is a clinician too
    check_refused(project.db, project.review("revise", "ben"), "QA error (numbers)",
                  "the source has \u201c160 mg\u201d", 3);
    check_refused(project.db, project.review("waive", "dan", {"--comment", "it is right"}), "Dan Alder translated it",
                  "waived by a clinician who did not", 3);
    check_refused(project.db, project.review("waive", "ben", {"--comment", "it is right", "--role", "reviser"}),
                  "refused", "waiving a QA error takes the clinical role", 3);
    check_refused(project.db, project.review("waive", "carla"), "waiver needs --comment", "reason", 1);
    CHECK(project.status_errors() == 1);
    CHECK(run_medloc(project.db, {"status"}).out.find("QA: 1 open error(s), blocking") != std::string::npos);
    const Result waived =
        run_medloc(project.db, project.review("waive", "carla", {"--comment", "confirmed with the pharmacist"}));
    INFO(waived.err);
    REQUIRE(waived.exit_code == 0);
    CHECK(waived.out.find("1 QA error(s) waived") != std::string::npos);
    const nlohmann::json json = project.check();
    CHECK(json["errors"] == 0);
    CHECK(json["waived"] == 1);
    CHECK(json["findings"][0]["waived"]["by"] == "Dr. Carla Chen");
    CHECK(json["findings"][0]["waived"]["reason"] == "confirmed with the pharmacist");
    CHECK(project.status_errors() == 0);
    REQUIRE(succeeds(project.db, project.review("revise", "ben")));
    REQUIRE(succeeds(project.db, project.review("approve", "carla")));
    REQUIRE(succeeds(project.db, {"audit", "verify"}));
}

TEST_CASE("a waiver is void once the target changes, even back to the waived text", "[qa]") {
    Project project;
    project.translate("ana", kStrength, kTenfold);
    REQUIRE(succeeds(project.db, project.review("waive", "carla", {"--comment", "checked"})));
    CHECK(project.check()["errors"] == 0);
    project.translate("ana", kStrength, "\u0163\u0125: 1600 \u1E41\u011D/5 \u1E41\u013B");
    CHECK(project.check()["errors"] == 1);
    project.translate("ana", kStrength, kTenfold);
    CHECK(project.check()["errors"] == 1);
    check_refused(project.db, project.review("revise", "ben"), "QA error (numbers)", "160 mg", 3);
}

TEST_CASE("the export carries the findings as notes, and the files stay schema-valid", "[qa]") {
    Project project;
    project.translate("ana", kStrength, kTenfold);
    for (const char* format : {"xliff-1.2", "xliff-2.0"}) {
        const fs::path out = project.dir / format;
        REQUIRE(succeeds(project.db, {"export", "--locale", "es-US", "--out", out.string(), "--format", format}));
        const fs::path file = out / "es-US" / (kDoc + ".xlf");
        const std::string text = read_file(file);
        const std::string note = std::string(format) == "xliff-1.2" ? "<note from=\"medloc-qa\">error [numbers]: "
                                                                    : "<note category=\"medloc-qa\">error [numbers]: ";
        CHECK(text.find(note + "the source has \u201c160 mg\u201d") != std::string::npos);
        const Result valid = run({shared_script("validate-xliff").string(), file.string()});
        INFO(valid.out << valid.err);
        CHECK(valid.exit_code == 0);
    }
}

namespace {

const std::string kHeading =
    "[\u0174\u0125\u00E5\u0163 \u00EE\u0161 \u00E5 \u0192\u00E9\u1E7D\u00E9\u0155? \u00B7\u00B7]";
const std::string kForbidden = "\u00BFQu\u00E9 es la calentura?";  // "fiebre" is the glossary's term

fs::path glossary_fixture(const char* name) { return fs::path(MEDLOC_TESTS) / "qa" / "glossary" / name; }

Result import_glossary(const Project& project, const char* name) {
    return run_medloc(project.db, {"glossary", "import", glossary_fixture(name).string(), "--as", "pat"});
}

}  // namespace

TEST_CASE("a forbidden term of a glossary imported after revision blocks approval until a clinician waives it",
          "[qa][glossary]") {
    Project project;
    project.translate("ana", kHeading, kForbidden);
    CHECK(project.check()["errors"] == 0);  // no glossary yet
    REQUIRE(succeeds(project.db, project.review("revise", "ben")));
    const Result imported = import_glossary(project, "fever-v2.tbx");
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out.find("3 concepts, 14 terms; now the glossary in force") != std::string::npos);
    CHECK(imported.out.find("es-US: 4 terms checked") != std::string::npos);
    const nlohmann::json json = project.check();
    CHECK(json["errors"] == 1);
    REQUIRE(json["findings"].size() == 2);
    CHECK(json["findings"][0]["check"] == "glossary");
    CHECK(json["findings"][0]["target_span"]["text"] == "calentura");
    check_refused(project.db, project.review("approve", "carla"), "QA error (glossary)", "forbidden term", 3);
    REQUIRE(succeeds(project.db, project.review("waive", "carla", {"--comment", "regional usage, accepted"})));
    REQUIRE(succeeds(project.db, project.review("approve", "carla")));
    REQUIRE(
        succeeds(project.db, {"build", "--locale", "es-US", "--out", (project.dir / "dist").string(), "--as", "pat"}));
    REQUIRE(succeeds(project.db, {"audit", "verify"}));
}

TEST_CASE("the build checks again: a forbidden term found after approval blocks it, listed, until waived",
          "[qa][glossary]") {
    Project project;
    project.translate("ana", kHeading, kForbidden);
    REQUIRE(succeeds(project.db, project.review("revise", "ben")));
    REQUIRE(succeeds(project.db, project.review("approve", "carla")));
    const std::vector<std::string> build = {"build", "--locale", "es-US", "--out", (project.dir / "dist").string(),
                                            "--as",  "pat"};
    REQUIRE(succeeds(project.db, build));
    REQUIRE(import_glossary(project, "fever-v2.tbx").exit_code == 0);
    check_refused(project.db, build, "QA error (glossary)", "\u201Ccalentura\u201D is a forbidden term", 3);
    // A translator is no clinician; a clinician who wrote nothing of it may waive it.
    check_refused(project.db, project.review("waive", "ana", {"--comment", "fine"}), "refused", "clinical role", 3);
    REQUIRE(succeeds(project.db, project.review("waive", "fay", {"--comment", "accepted for this leaflet"})));
    // The waiver changes no target: the document's clinical review stands.
    REQUIRE(succeeds(project.db, build));
    REQUIRE(succeeds(project.db, {"audit", "verify"}));
}

TEST_CASE("glossary import: a publisher's signed act, bad files refused, the stored glossary audited",
          "[qa][glossary]") {
    Project project;
    check_refused(project.db, {"glossary", "import", glossary_fixture("fever-v2.tbx").string(), "--as", "ana"},
                  "refused", "needs the publisher role", 3);
    const fs::path bad = project.dir / "bad.tbx";
    write_file(bad,
               "<martif>\n<text><body><termEntry>\n<langSet><tig><term>x</term></tig></langSet>"
               "</termEntry></body></text></martif>");
    check_refused(project.db, {"glossary", "import", bad.string(), "--as", "pat"}, "bad.tbx:3:", "xml:lang");
    write_file(bad, "<xliff version=\"1.2\"/>");
    check_refused(project.db, {"glossary", "import", bad.string(), "--as", "pat"}, "bad.tbx", "not a TBX file");
    write_file(bad, "<martif><text>");
    check_refused(project.db, {"glossary", "import", bad.string(), "--as", "pat"}, "bad.tbx", "malformed XML");
    REQUIRE(import_glossary(project, "fever-v3.tbx").exit_code == 0);
    REQUIRE(import_glossary(project, "fever-v2.tbx").exit_code == 0);
    const Result again = import_glossary(project, "fever-v2.tbx");
    CHECK(again.out.find("already the glossary in force, nothing changed") != std::string::npos);
    REQUIRE(succeeds(project.db, {"audit", "verify"}));
    // The glossary in force edited outside medloc (a forbidden term made approved) is found.
    REQUIRE(run({"sqlite3", project.db.string(),
                 "DROP TRIGGER glossary_is_append_only_update; UPDATE glossary SET content = "
                 "replace(content, 'deprecatedTerm', 'preferredTerm') WHERE id = 2"})
                .exit_code == 0);
    const Result verify = run_medloc(project.db, {"audit", "verify"});
    CHECK(verify.exit_code == 4);
    CHECK(verify.out.find("the glossary in force is not the file event") != std::string::npos);
}

// review --all reads each document ahead of its writes, on a thread and a
// reader of its own: it must refuse, and approve, exactly as an act over
// one document at a time does.
TEST_CASE(
    "review --all over the corpus refuses a dose error in a later document and approves as one document at a "
    "time does",
    "[qa][review]") {
    // The corpus in es-US, pseudo-translated by Dan (a clinician too), a
    // dose error in the fever leaflet (the fifth of seven in id order).
    struct Corpus {
        TempDir dir;
        fs::path db = new_project(dir, "es-US");
        Corpus() {
            for (const fs::path& document : corpus_documents())
                write_file(dir / "docs" / document.filename(), read_file(document));
            REQUIRE(succeeds(db, {"extract", (dir / "docs").string(), "--as", "pat"}));
            REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--out", (dir / "x").string(), "--pseudo"}));
            std::vector<std::string> import = {"import"};
            for (const auto& file : fs::directory_iterator(dir / "x" / "es-US")) {
                if (file.path().filename() == kDoc + ".xlf") {
                    std::string text = read_file(file.path());
                    const std::size_t at = text.find(kStrength);
                    REQUIRE(at != std::string::npos);
                    write_file(file.path(), text.replace(at, kStrength.size(), kTenfold));
                }
                import.push_back(file.path().string());
            }
            import.insert(import.end(), {"--as", "dan", "--role", "translator"});
            REQUIRE(succeeds(db, import));
        }
        std::vector<std::string> all(const std::string& act, const std::string& who) const {
            return {"review", act, "--locale", "es-US", "--all", "--as", who};
        }
        std::string states() const {
            const Result result = run_medloc(db, {"status", "--json"});
            REQUIRE(result.exit_code == 0);
            return nlohmann::json::parse(result.out)["documents"].dump();
        }
    };
    REQUIRE(corpus_documents().size() >= 6);
    Corpus by_all, one_by_one;
    setenv("MEDLOC_TEST_NOW", "2030-03-04T05:06:07Z", 1);
    for (const Corpus* corpus : {&by_all, &one_by_one}) {
        check_refused(corpus->db, corpus->all("revise", "ben"), kDoc, "QA error (numbers)", 3);
        REQUIRE(succeeds(corpus->db, {"review", "waive", "--locale", "es-US", "--doc", kDoc, "--as", "carla",
                                      "--comment", "confirmed with the pharmacist"}));
        REQUIRE(succeeds(corpus->db, corpus->all("revise", "ben")));
        // Four eyes in every document: Dan translated every target.
        check_refused(corpus->db, corpus->all("approve", "dan"), "Dan Alder translated it",
                      "the clinical approver must be someone else", 3);
    }
    REQUIRE(succeeds(by_all.db, by_all.all("approve", "carla")));
    for (const fs::path& document : corpus_documents())
        REQUIRE(succeeds(one_by_one.db, {"review", "approve", "--locale", "es-US", "--doc",
                                         document.filename().string(), "--as", "carla"}));
    unsetenv("MEDLOC_TEST_NOW");
    CHECK(by_all.states() == one_by_one.states());
    for (const Corpus* corpus : {&by_all, &one_by_one}) {
        REQUIRE(succeeds(corpus->db, {"audit", "verify"}));
        REQUIRE(succeeds(corpus->db,
                         {"tm", "export", "--locale", "es-US", "--out", (corpus->dir / "memory.tmx").string()}));
    }
    const auto units = [](const Corpus& corpus) {
        std::string text = read_file(corpus.dir / "memory.tmx");
        return std::count(text.begin(), text.end(), '\n');
    };
    CHECK(units(by_all) == units(one_by_one));
}

namespace {

// `file` (an exported XLIFF) with the first digit outside markup of each of
// its first `count` targets that have one changed: a number the target no
// longer gives as the source does.
void change_numbers(const fs::path& file, int count) {
    std::string text = read_file(file);
    std::size_t at = 0;
    for (int changed = 0; changed < count;) {
        at = text.find("<target", at);
        REQUIRE(at != std::string::npos);
        const std::size_t end = text.find("</target>", at);
        at = text.find('>', at) + 1;
        bool in_markup = false;
        for (std::size_t i = at; i < end; ++i) {
            in_markup = text[i] == '<' || (in_markup && text[i - 1] != '>');
            if (!in_markup && text[i] >= '0' && text[i] <= '9') {
                text[i] = static_cast<char>('0' + (text[i] - '0' + 1) % 10);
                ++changed;
                break;
            }
        }
        at = end;
    }
    write_file(file, text);
}

}  // namespace

// Status checks targets beside its reads, a few documents behind them: each
// document's open errors are still its own, as medloc check counts them.
TEST_CASE("status counts the open QA errors of every document as medloc check does", "[qa][status]") {
    TempDir dir;
    const fs::path db = new_project(dir, "es-US");
    std::vector<std::string> documents;
    for (const fs::path& path : corpus_documents()) {
        write_file(dir / "docs" / path.filename(), read_file(path));
        documents.push_back(path.filename().string());
    }
    std::sort(documents.begin(), documents.end());
    REQUIRE(documents.size() > 5);
    REQUIRE(succeeds(db, {"extract", (dir / "docs").string(), "--as", "pat"}));
    const fs::path out = dir / "pseudo";
    REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--out", out.string(), "--pseudo"}));
    change_numbers(out / "es-US" / (documents[1] + ".xlf"), 1);
    change_numbers(out / "es-US" / (documents[5] + ".xlf"), 2);
    std::vector<std::string> import = {"import"};
    for (const std::string& document : documents) import.push_back((out / "es-US" / (document + ".xlf")).string());
    for (const char* more : {"--as", "ana", "--role", "translator"}) import.push_back(more);
    REQUIRE(run_medloc(db, import).exit_code == 0);

    const auto open_errors = [&](const std::vector<std::string>& command) {
        const Result result = run_medloc(db, command);
        INFO(result.err);
        REQUIRE((result.exit_code == 0 || result.exit_code == 3));
        std::map<std::string, int> errors;
        for (const std::string& document : documents) errors[document] = 0;
        const nlohmann::json json = nlohmann::json::parse(result.out);
        if (command.front() == "status")
            for (const nlohmann::json& document : json["documents"])
                errors[document["id"].get<std::string>()] = document["locales"]["es-US"]["qa_errors"];
        else
            for (const nlohmann::json& finding : json["findings"])
                if (finding["severity"] == "error" && finding["waived"].is_null())
                    ++errors[finding["document"].get<std::string>()];
        return errors;
    };
    const std::vector<std::string> status = {"status", "--json"};
    const std::vector<std::string> check = {"check", "--locale", "es-US", "--json"};
    std::map<std::string, int> errors = open_errors(status);
    CHECK(errors == open_errors(check));
    CHECK(errors[documents[1]] >= 1);
    CHECK(errors[documents[5]] >= 2);
    int elsewhere = 0;
    for (const auto& [document, count] : errors)
        elsewhere += document == documents[1] || document == documents[5] ? 0 : count;
    CHECK(elsewhere == 0);

    // Waived in the earlier document, its errors are no longer open there alone.
    const Result waived = run_medloc(db, {"review", "waive", "--locale", "es-US", "--doc", documents[1], "--comment",
                                          "confirmed with the pharmacist", "--as", "carla"});
    INFO(waived.err);
    REQUIRE(waived.exit_code == 0);
    const std::map<std::string, int> after = open_errors(status);
    CHECK(after == open_errors(check));
    CHECK(after.at(documents[1]) == 0);
    CHECK(after.at(documents[5]) == errors[documents[5]]);
}
