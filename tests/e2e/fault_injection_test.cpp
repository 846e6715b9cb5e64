// Fault injection (issue 12): every database statement and every file write
// of extract, import, review and build fails in turn, through the test
// build's seam (commands/seams/test.cpp, MEDLOC_TEST_FAIL_AT). After each
// failure the command exits 4 with a message naming the file, the project
// is byte for byte as it was, nothing of the writer is left behind, and the
// previous bundle is as it was.
#include "support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>

using namespace medloc::test;

namespace {

class Sweep {
public:
    explicit Sweep(const TempDir& dir) : dir_(dir) {}

    // Runs `args` against a copy of `db` once to count its fault points,
    // then once per point with that point failing. `out`: the folder the
    // command writes (a bundle), copied for each run likewise. Returns the
    // number of points.
    long run(const fs::path& db, std::vector<std::string> args, const fs::path& out = {}) {
        const fs::path work = dir_ / "work.db";
        const fs::path work_out = dir_ / "work-out";
        if (!out.empty()) args.insert(args.end(), {"--out", work_out.string()});
        const std::string before = read_file(db);
        const auto bundle_before = snapshot(out);

        const fs::path count = dir_ / "count";
        reset(db, work, out, work_out);
        setenv("MEDLOC_TEST_COUNT_FAULT_POINTS", count.c_str(), 1);
        const Result clean = run_medloc(work, args);
        unsetenv("MEDLOC_TEST_COUNT_FAULT_POINTS");
        INFO(clean.err);
        REQUIRE(clean.exit_code == 0);
        const long points = std::stol(read_file(count));
        REQUIRE(points > 0);

        for (long point = 1; point <= points; ++point) {
            reset(db, work, out, work_out);
            setenv("MEDLOC_TEST_FAIL_AT", std::to_string(point).c_str(), 1);
            const Result failed = run_medloc(work, args);
            unsetenv("MEDLOC_TEST_FAIL_AT");
            INFO(args[0] << ", fault point " << point << " of " << points << ": " << failed.err);
            CHECK(failed.exit_code == 4);
            CHECK(failed.err.find("injected by the test build") != std::string::npos);
            CHECK(failed.err.find("internal error") == std::string::npos);
            CHECK(read_file(work) == before);
            for (const char* suffix : {"-wal", "-journal", "-writer"}) CHECK_FALSE(fs::exists(work.string() + suffix));
            if (!out.empty()) CHECK(snapshot(work_out) == bundle_before);
        }
        return points;
    }

private:
    void reset(const fs::path& db, const fs::path& work, const fs::path& out, const fs::path& work_out) const {
        fs::copy_file(db, work, fs::copy_options::overwrite_existing);
        fs::remove_all(work_out);
        if (!out.empty() && fs::exists(out)) fs::copy(out, work_out, fs::copy_options::recursive);
    }

    const TempDir& dir_;
};

}  // namespace

TEST_CASE(
    "every database statement and file write of extract, import, review and build fails in turn, and "
    "nothing changes",
    "[fault-injection]") {
    TempDir dir;
    const fs::path db = new_project(dir, "es-US");
    const fs::path docs = dir / "docs";
    write_file(docs / "dose.txt", "Dosing\n\nGive 5 mL every day. Keep it cold.\n");
    write_file(docs / "card.html",
               "<html lang=\"en\"><body><p>Bring the card.</p><p><img alt=\"A dose card\" src=\"c.png\"></p>"
               "</body></html>\n");
    Sweep sweep(dir);
    std::map<std::string, long> points;

    points["extract"] = sweep.run(db, {"extract", docs.string(), "--as", "pat"});
    REQUIRE(succeeds(db, {"extract", docs.string(), "--as", "pat"}));

    REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--out", (dir / "x").string(), "--pseudo"}));
    const std::vector<std::string> import = {"import",
                                             (dir / "x" / "es-US" / "dose.txt.xlf").string(),
                                             (dir / "x" / "es-US" / "card.html.xlf").string(),
                                             "--as",
                                             "ana",
                                             "--role",
                                             "translator"};
    points["import"] = sweep.run(db, import);
    REQUIRE(succeeds(db, import));

    const std::vector<std::string> revise = {"review", "revise", "--locale", "es-US", "--all", "--as", "ben"};
    points["review revise"] = sweep.run(db, revise);
    REQUIRE(succeeds(db, revise));
    const std::vector<std::string> approve = {"review", "approve",  "--locale", "es-US",
                                              "--doc",  "dose.txt", "--as",     "carla"};
    points["review approve"] = sweep.run(db, approve);
    REQUIRE(succeeds(db, approve));
    REQUIRE(succeeds(db, {"review", "approve", "--locale", "es-US", "--doc", "card.html", "--as", "carla"}));

    // A first bundle, then every point of the next build.
    const fs::path dist = dir / "dist";
    REQUIRE(succeeds(db, {"build", "--locale", "es-US", "--out", dist.string(), "--as", "pat"}));
    points["build"] = sweep.run(db, {"build", "--locale", "es-US", "--as", "pat"}, dist);

    long total = 0;
    for (const auto& [command, count] : points) {
        INFO(command << ": " << count << " fault points");
        CHECK(count >= 10);
        total += count;
    }
    WARN("fault points swept: " << total << " (extract " << points["extract"] << ", import " << points["import"]
                                << ", revise " << points["review revise"] << ", approve " << points["review approve"]
                                << ", build " << points["build"] << ")");
}
