// status: per document segment and word counts, per locale state counts.
#include "locales/locales.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace medloc;
using namespace medloc::test;

TEST_CASE("status --json counts segments, words and states per document and locale", "[status]") {
    TempDir dir;
    const fs::path db = new_project(dir);
    REQUIRE(run_medloc(db, {"extract", corpus_dir().string(), "--as", "pat"}).exit_code == 0);
    const Result status = run_medloc(db, {"status", "--json"});
    REQUIRE(status.exit_code == 0);
    const auto json = nlohmann::json::parse(status.out);
    REQUIRE(json["documents"].size() == 7);
    std::int64_t segments = 0;
    for (const auto& document : json["documents"]) {
        INFO(document["id"]);
        CHECK(document["segments"].get<int>() > 40);
        CHECK(document["words"].get<int>() > 10 * document["segments"].get<int>() / 2);
        for (const char* locale : {"es-US", "ar", "ja", "zh-Hans"}) {
            CHECK(document["locales"][locale]["new"] == document["segments"]);
            CHECK(document["locales"][locale]["approved"] == 0);
        }
        segments += document["segments"].get<std::int64_t>();
        if (document["id"] == "amps-children.txt") CHECK(document["segments"] == 73);
    }
    CHECK(json["totals"]["segments"] == segments);

    const Result only = run_medloc(db, {"status", "--locale", "ja", "--json"});
    REQUIRE(only.exit_code == 0);
    CHECK(nlohmann::json::parse(only.out)["documents"][0]["locales"].size() == 1);
    CHECK(run_medloc(db, {"status", "--locale", "fr"}).exit_code == 1);
}

TEST_CASE("words are counted by ICU's rules, so Japanese counts sensibly", "[status]") {
    locales::WordCounter english("en-US");
    CHECK(english.count("Give 2.5 mL (80 mg) every 4–6 hours.") == 9);
    locales::WordCounter japanese("ja");
    // "An asthma action plan is a written guide." 15 characters, no spaces.
    const std::size_t words = japanese.count("ぜんそく行動計画は書面のガイドです。");
    CHECK(words >= 4);
    CHECK(words <= 12);
}

namespace {

const std::string kFever = "fever-acetaminophen-dosing.txt";

// `names` of the corpus extracted into the project from dir/docs.
void extract_corpus(const TempDir& dir, const fs::path& db, const std::vector<std::string>& names) {
    for (const std::string& name : names) write_file(dir / "docs" / name, read_file(corpus_dir() / name));
    REQUIRE(succeeds(db, {"extract", (dir / "docs").string(), "--as", "pat"}));
}

}  // namespace

TEST_CASE("status gives totals per locale, a ready flag, and lists only the documents that need attention",
          "[status]") {
    TempDir dir;
    const fs::path db = new_project(dir, "es-US,ar");
    const std::string doc = kFever;
    extract_corpus(dir, db, {kFever, "asthma-action-plan.txt"});
    const fs::path out = dir / "pseudo";
    REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--out", out.string(), "--pseudo"}));
    REQUIRE(succeeds(db, {"import", (out / "es-US" / (doc + ".xlf")).string(), "--as", "ana", "--role", "translator"}));
    REQUIRE(succeeds(db, {"review", "revise", "--locale", "es-US", "--doc", doc, "--as", "ben"}));
    REQUIRE(succeeds(db, {"review", "approve", "--locale", "es-US", "--doc", doc, "--as", "carla"}));

    const nlohmann::json json = nlohmann::json::parse(run_medloc(db, {"status", "--json"}).out);
    // The totals are the documents' figures added up.
    for (const char* locale : {"es-US", "ar"}) {
        INFO(locale);
        const nlohmann::json& totals = json["locales"][locale];
        std::int64_t approved = 0, segments = 0, ready = 0;
        for (const auto& document : json["documents"]) {
            approved += document["locales"][locale]["approved"].get<std::int64_t>();
            segments += document["segments"].get<std::int64_t>();
            ready += document["locales"][locale]["ready"].get<bool>() ? 1 : 0;
        }
        CHECK(totals["documents"] == 2);
        CHECK(totals["states"]["approved"] == approved);
        CHECK(totals["segments"] == segments);
        CHECK(totals["ready_documents"] == ready);
        CHECK(totals["ready"] == false);
    }
    CHECK(json["locales"]["es-US"]["ready_documents"] == 1);
    CHECK(json["locales"]["es-US"]["reviews"]["current"] == 1);
    CHECK(json["locales"]["ar"]["reviews"]["not reviewed"] == 2);
    for (const auto& document : json["documents"])
        CHECK(document["locales"]["es-US"]["ready"] == (document["id"] == doc));

    const Result text = run_medloc(db, {"status"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("es-US: 105 of ") != std::string::npos);
    CHECK(text.out.find("not ready: 1 of 2 document(s) need attention") != std::string::npos);
    CHECK(text.out.find("not ready: 2 of 2 document(s) need attention") != std::string::npos);
    CHECK(text.out.find("  " + doc + "  es-US:") == std::string::npos);  // ready: not listed
    CHECK(text.out.find("  " + doc + "  ar: 105 not approved (105 new); clinical review: none yet") !=
          std::string::npos);
    CHECK(text.out.find("  asthma-action-plan.txt  es-US: ") != std::string::npos);

    const Result one = run_medloc(db, {"status", "--doc", doc, "--locale", "es-US"});
    REQUIRE(one.exit_code == 0);
    CHECK(one.out.find("approved 105") != std::string::npos);
    CHECK(one.out.find("ready to build") != std::string::npos);
    check_refused(db, {"status", "--doc", "nope.txt"}, "--doc nope.txt", "no such document");
}

TEST_CASE("a refusal groups the segments of a document refused for the same reason, and --json lists each",
          "[status]") {
    TempDir dir;
    const fs::path db = new_project(dir, "es-US");
    const std::string doc = kFever;
    extract_corpus(dir, db, {kFever});
    const std::vector<std::string> build = {"build", "--locale", "es-US", "--out", (dir / "dist").string(),
                                            "--as",  "pat"};
    const Result refused = run_medloc(db, build);
    CHECK(refused.exit_code == 3);
    // One line for the 105 untranslated segments, one for the document's review: not 106.
    CHECK(refused.err.find("  " + doc + "  105 segments (") != std::string::npos);
    CHECK(std::count(refused.err.begin(), refused.err.end(), '\n') < 6);
    std::vector<std::string> json = build;
    json.push_back("--json");
    const Result listed = run_medloc(db, json);
    CHECK(listed.exit_code == 3);
    CHECK(nlohmann::json::parse(listed.out)["blockers"].size() == 106);
    check_refused(db, {"review", "approve", "--locale", "es-US", "--all", "--as", "carla"}, doc + "  105 segments (",
                  "...)  new: ", 3);
}

TEST_CASE("status --doc reads and totals that document alone, and --json is whole with no document or many",
          "[status]") {
    TempDir dir;
    const fs::path db = new_project(dir, "es-US,ar");

    // No document yet: the documents are written as they come, and there are none.
    const Result empty = run_medloc(db, {"status", "--json"});
    REQUIRE(empty.exit_code == 0);
    const nlohmann::json none = nlohmann::json::parse(empty.out);
    CHECK(none["documents"].is_array());
    CHECK(none["documents"].empty());
    CHECK(none["totals"]["documents"] == 0);
    CHECK(none["locales"]["ar"]["ready"] == false);

    extract_corpus(dir, db, {kFever, "asthma-action-plan.txt", "amps-children.txt"});
    const nlohmann::json all = nlohmann::json::parse(run_medloc(db, {"status", "--json"}).out);
    REQUIRE(all["documents"].size() == 3);
    CHECK(all["totals"]["documents"] == 3);
    // Printed a document at a time, the JSON is what one dump of it gives.
    const std::string printed = run_medloc(db, {"status", "--json"}).out;
    CHECK(printed == nlohmann::ordered_json::parse(printed).dump(2) + "\n");

    // One document: its entry, and totals of it alone, not of the project.
    const Result one = run_medloc(db, {"status", "--doc", kFever, "--json"});
    REQUIRE(one.exit_code == 0);
    const nlohmann::json fever = nlohmann::json::parse(one.out);
    REQUIRE(fever["documents"].size() == 1);
    CHECK(fever["documents"][0]["id"] == kFever);
    CHECK(fever["totals"]["documents"] == 1);
    CHECK(fever["totals"]["segments"] == fever["documents"][0]["segments"]);
    for (const char* locale : {"es-US", "ar"}) {
        CHECK(fever["locales"][locale]["documents"] == 1);
        CHECK(fever["locales"][locale]["states"]["new"] == fever["documents"][0]["segments"]);
    }
    for (const auto& document : all["documents"])
        if (document["id"] == kFever) CHECK(document == fever["documents"][0]);

    // A retired document is refused before anything is printed.
    REQUIRE(succeeds(db, {"retire", kFever, "--as", "pat"}));
    for (const bool json : {false, true}) {
        std::vector<std::string> args = {"status", "--doc", kFever};
        if (json) args.push_back("--json");
        const Result retired = run_medloc(db, args);
        CHECK(retired.exit_code == 2);
        CHECK(retired.out.empty());
        CHECK(retired.err.find("is retired") != std::string::npos);
    }
    check_refused(db, {"status", "--doc", kFever, "--json"}, "--doc " + kFever, "is retired");
}
