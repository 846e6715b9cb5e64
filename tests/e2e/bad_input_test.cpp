// Every bad input of DESIGN.md that extraction can meet: a clear message that
// names the file, exit code 2, and the database byte for byte as it was.
#include "support.h"

#include <catch2/catch.hpp>

using namespace medloc;
using namespace medloc::test;

namespace {

// A project that already holds the sample article, so "unchanged" means
// something.
struct Project {
    TempDir dir;
    fs::path db;
    Project() : db(new_project(dir)) {
        REQUIRE(run_medloc(db, {"extract", (corpus_dir() / "amps-children.txt").string(), "--as", "pat"}).exit_code ==
                0);
    }
};

void check_refused(const Project& project, const std::vector<std::string>& args, const std::string& names,
                   const std::string& says) {
    test::check_refused(project.db, args, names, says);
}

}  // namespace

TEST_CASE("a missing path is refused", "[bad-input]") {
    Project project;
    const std::string missing = (project.dir / "no-such-folder").string();
    check_refused(project, {"extract", missing, "--as", "pat"}, missing, "no such file or folder");
}

TEST_CASE("a binary file is refused", "[bad-input]") {
    Project project;
    const fs::path file = project.dir / "docs" / "scan.txt";
    write_file(file, std::string("Text\n\0\x01\x02 binary", 15));
    check_refused(project, {"extract", file.string(), "--as", "pat"}, file.string() + ":2:1", "binary content");
}

TEST_CASE("a file that is not UTF-8 is refused with the line and column", "[bad-input]") {
    Project project;
    const fs::path file = project.dir / "docs" / "latin1.txt";
    write_file(file, "Title\n\nFever in children: caf\xe9 au lait spots.\n");
    check_refused(project, {"extract", file.string(), "--as", "pat"}, file.string() + ":3:23", "not valid UTF-8");
}

TEST_CASE("an unsupported extension is refused", "[bad-input]") {
    Project project;
    const fs::path file = project.dir / "docs" / "leaflet.docx";
    write_file(file, "Some text.");
    check_refused(project, {"extract", file.string(), "--as", "pat"}, file.string(), "unsupported file type \".docx\"");
}

TEST_CASE("a document whose id would escape the project is refused", "[bad-input]") {
    Project project;
    const fs::path outside = project.dir / "outside.txt";
    write_file(outside, "Secret\n\nNot part of the content folder.\n");
    const fs::path folder = project.dir / "content";
    write_file(folder / "fine.txt", "Fine\n\nA document.\n");
    fs::create_symlink(outside, folder / "link.txt");
    check_refused(project, {"extract", folder.string(), "--as", "pat"}, (folder / "link.txt").string(),
                  "its document id would escape the project");
}

TEST_CASE("one bad file among good ones stores none of them", "[bad-input]") {
    Project project;
    const fs::path bad = project.dir / "bad.txt";
    write_file(bad, "caf\xe9");
    check_refused(project, {"extract", corpus_dir().string(), bad.string(), "--as", "pat"}, bad.string(),
                  "not valid UTF-8");
}

// Extract takes files apart on two threads: of several bad files, the one
// it names is still the first in order, as one thread reading would.
TEST_CASE("of several bad files among good ones, the first in order is named, every time", "[bad-input]") {
    Project project;
    const fs::path folder = project.dir / "content";
    for (const fs::path& path : corpus_documents()) write_file(folder / path.filename(), read_file(path));
    write_file(folder / "d-bad.txt", "caf\xe9");
    write_file(folder / "f-bad.txt", std::string("Fever\0dose\n", 12));
    for (int run = 0; run < 8; ++run) {
        INFO("run " << run);
        check_refused(project, {"extract", folder.string(), "--as", "pat"}, (folder / "d-bad.txt").string(),
                      "not valid UTF-8");
    }
}

TEST_CASE("a database that is not a medloc project is refused and left alone", "[bad-input]") {
    TempDir dir;
    SECTION("a text file") {
        const fs::path not_db = dir / "notes.db";
        write_file(not_db, read_file(corpus_dir() / "amps-children.txt"));
        const Result result = run_medloc(not_db, {"extract", corpus_dir().string(), "--as", "pat"});
        CHECK(result.exit_code == 2);
        CHECK(result.err.find(not_db.string() + ": not a medloc project") != std::string::npos);
        CHECK(read_file(not_db) == read_file(corpus_dir() / "amps-children.txt"));
    }
    SECTION("an SQLite database of another application") {
        const fs::path other = dir / "other.sqlite";
        REQUIRE(run({"sqlite3", other.string(), "CREATE TABLE patient (name TEXT); INSERT INTO patient VALUES ('x');"})
                    .exit_code == 0);
        const std::string before = read_file(other);
        const Result result = run_medloc(other, {"status"});
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("not a medloc project") != std::string::npos);
        CHECK(read_file(other) == before);
    }
    SECTION("no database at all") {
        const Result result = run_medloc(dir / "missing.db", {"status"});
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("medloc init") != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "missing.db"));
    }
}

TEST_CASE("usage errors exit 1", "[bad-input]") {
    TempDir dir;
    CHECK(run_medloc(dir / "p.db", {"init", "--targets", "not a tag!"}).exit_code == 1);
    CHECK_FALSE(fs::exists(dir / "p.db"));
    CHECK(run_medloc(dir / "p.db", {"frobnicate"}).exit_code == 1);
    CHECK(run_medloc(dir / "p.db", {"extract"}).exit_code == 1);
}
