// A project written by an older medloc, opened by this one: migrated in
// place, its log verified with the hashes and signatures it was written
// with, and read back as the older medloc read it. The project is
// tests/fixtures/schema9-project.sql, made by make-schema9-project.sh with
// the medloc of schema 9, with what that medloc said of it beside it.
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace medloc::test;

namespace {

const fs::path kFixtures = fs::path(MEDLOC_TESTS) / "fixtures";

// The fixture loaded into a project file in `dir`, with its people's passphrases.
fs::path schema9_project(const TempDir& dir) {
    const fs::path db = dir / "medloc.db";
    const Result loaded = run({"sqlite3", db.string(), ".read " + (kFixtures / "schema9-project.sql").string()});
    INFO(loaded.err);
    REQUIRE(loaded.exit_code == 0);
    for (const char* person : {"pat", "ben", "carla", "dan"})
        write_file(dir / (std::string(person) + ".passphrase"), "fixture passphrase of " + std::string(person) + "\n");
    write_file(dir / "ana.passphrase", "fixture passphrase of ana, changed\n");
    return db;
}

std::string schema_of(const fs::path& db) { return run({"sqlite3", db.string(), "PRAGMA user_version"}).out; }

}  // namespace

TEST_CASE("a schema 9 project opens migrated, its log verified and read as that medloc wrote it",
          "[migration][audit]") {
    TempDir dir;
    const fs::path db = schema9_project(dir);
    REQUIRE(schema_of(db) == "9\n");

    const Result audit = run_medloc(db, {"audit", "verify"});
    INFO(audit.out << audit.err);
    CHECK(audit.exit_code == 0);
    CHECK(audit.out == read_file(kFixtures / "schema9-project-audit.txt"));
    CHECK(schema_of(db) != "9\n");

    // Every entry as the older medloc printed it: who, when, what text, and its hash.
    const Result asthma = run_medloc(db, {"history", "--doc", "asthma-action-plan.txt", "--json"});
    const Result fever = run_medloc(db, {"history", "--doc", "fever-acetaminophen-dosing.txt", "--json"});
    REQUIRE(asthma.exit_code == 0);
    REQUIRE(fever.exit_code == 0);
    const std::string expected = read_file(kFixtures / "schema9-project-history.json");
    CHECK(asthma.out + fever.out == expected);
    const auto entries = nlohmann::json::parse(fever.out);
    CHECK(std::count_if(entries.begin(), entries.end(), [](const auto& e) { return e["meaning"] == "waived"; }) == 1);

    // The memory as it was: each approved unit with its texts, people and dates.
    const fs::path memory = dir / "memory.tmx";
    REQUIRE(succeeds(db, {"tm", "export", "--locale", "es-US", "--out", memory.string()}));
    CHECK(read_file(memory) == read_file(kFixtures / "schema9-project-memory.tmx"));

    // The migrated project takes new work, chained to the old entries and signed.
    const fs::path out = dir / "xliff";
    REQUIRE(succeeds(db, {"export", "--locale", "ar", "--pseudo", "--out", out.string()}));
    REQUIRE(succeeds(db, {"import", (out / "ar" / "fever-acetaminophen-dosing.txt.xlf").string(), "--role",
                          "translator", "--as", "ana"}));
    REQUIRE(succeeds(db, {"review", "revise", "--locale", "ar", "--all", "--as", "ben"}));
    const Result again = run_medloc(db, {"audit", "verify"});
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("hash chain intact, 20 signature(s) valid") != std::string::npos);
    const auto now =
        nlohmann::json::parse(run_medloc(db, {"history", "--doc", "fever-acetaminophen-dosing.txt", "--json"}).out);
    CHECK(now.size() > entries.size());
    for (const auto& entry : entries) CHECK(std::find(now.begin(), now.end(), entry) != now.end());
}
