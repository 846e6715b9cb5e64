// The test build's seams (commands/seams/test.cpp) are in the test build
// only: the shipped medloc binary ignores the variables they read.
#include "support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>

using namespace medloc::test;

namespace {

std::string created_at(const std::string& binary, const TempDir& dir) {
    const fs::path db = dir / (fs::path(binary).filename().string() + ".db");
    setenv("MEDLOC_TEST_NOW", "2001-02-03T04:05:06Z", 1);
    const Result init = run({binary, "--db", db.string(), "init", "--targets", "es-US", "--owner", "pat", "--name",
                             "Pat Publisher", "--new-password-file", passphrase_file(db, "pat").string()});
    unsetenv("MEDLOC_TEST_NOW");
    REQUIRE(init.exit_code == 0);
    const Result status = run({binary, "--db", db.string(), "status", "--json", "--as-of", "2001-02-03"});
    REQUIRE(status.exit_code == 0);
    const Result dump = run({"sqlite3", db.string(), "SELECT value FROM setting WHERE name = 'created_at'"});
    REQUIRE(dump.exit_code == 0);
    return dump.out;
}

}  // namespace

TEST_CASE("only the test build's binary takes its clock from MEDLOC_TEST_NOW", "[seams]") {
    TempDir dir;
    CHECK(created_at(MEDLOC_BINARY, dir) == "2001-02-03T04:05:06Z\n");
    CHECK(created_at(MEDLOC_SHIPPED_BINARY, dir) != "2001-02-03T04:05:06Z\n");
}
