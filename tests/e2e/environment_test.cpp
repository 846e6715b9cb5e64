// Messages that tell the truth about the machine and the paths given
// (issue 12): a busy project, a damaged one, paths that are not what the
// command needs, files too large or too deep to read, names and locales that
// cannot work. Each case makes its own file; each refusal leaves the project
// as it was.
#include "support.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

using namespace medloc::test;

namespace {

struct Project {
    TempDir dir;
    fs::path db;
    fs::path docs;
    Project() : db(new_project(dir)), docs(dir / "docs") {
        write_file(docs / "dose.txt", "Dosing\n\nGive 5 mL every day.\n");
        REQUIRE(succeeds(db, {"extract", docs.string(), "--as", "pat"}));
    }
};

// A page whose elements nest `depth` deep.
std::string nested_page(const std::string& element, int depth) {
    std::string page = "<html><body>";
    for (int i = 0; i < depth; ++i) page += "<" + element + ">";
    page += "Deep text.";
    for (int i = 0; i < depth; ++i) page += "</" + element + ">";
    return page + "</body></html>\n";
}

}  // namespace

TEST_CASE("a busy project is reported as busy with exit code 4, and readers do not wait", "[environment]") {
    Project project;
    // sqlite3, another program, holds the write lock for a few seconds.
    const std::string holder = "(echo 'BEGIN IMMEDIATE;'; sleep 4) | sqlite3 '" + project.db.string() + "' &";
    REQUIRE(std::system(holder.c_str()) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    const std::string before = read_file(project.db);
    setenv("MEDLOC_TEST_BUSY_WAIT_MS", "500", 1);
    write_file(project.docs / "more.txt", "More\n\nKeep it cold.\n");
    const Result busy = run_medloc(project.db, {"extract", project.docs.string(), "--as", "pat"});
    unsetenv("MEDLOC_TEST_BUSY_WAIT_MS");
    INFO(busy.err);
    CHECK(busy.exit_code == 4);
    CHECK(busy.err.find(project.db.string() + " is busy: another program has been changing it") != std::string::npos);
    CHECK(busy.err.find("internal error") == std::string::npos);
    const Result status = run_medloc(project.db, {"status"});
    CHECK(status.exit_code == 0);
    CHECK(status.out.find("1 document(s)") != std::string::npos);
    std::this_thread::sleep_for(std::chrono::seconds(4));
    CHECK(read_file(project.db) == before);
}

TEST_CASE("a damaged project file is named as damaged, not an internal error", "[environment]") {
    Project project;
    std::string bytes = read_file(project.db);
    REQUIRE(bytes.size() > 4 * 4096);
    for (std::size_t i = 2 * 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5 ^ (i & 0xFF));
    write_file(project.db, bytes);
    const Result result = run_medloc(project.db, {"status"});
    INFO(result.err);
    CHECK(result.exit_code == 4);
    CHECK(result.err.find(project.db.string() + " is damaged") != std::string::npos);
    CHECK(result.err.find("restore it from your backup") != std::string::npos);
}

TEST_CASE("paths that are not what the command needs are exit code 2", "[environment]") {
    Project project;
    // init in a folder that does not exist
    const fs::path nowhere = project.dir / "no-such-folder" / "new.db";
    const Result init = run_medloc(nowhere, {"init", "--targets", "es", "--owner", "pat", "--name", "Pat Publisher",
                                             "--new-password-file", passphrase_file(project.db, "pat").string()});
    CHECK(init.exit_code == 2);
    CHECK(init.err.find((project.dir / "no-such-folder").string() + " does not exist") != std::string::npos);
    // a folder given to import
    fs::create_directories(project.dir / "returned");
    check_refused(project.db, {"import", (project.dir / "returned").string(), "--as", "ana", "--role", "translator"},
                  (project.dir / "returned").string(), "is a folder, not a file");
    // a symbolic link that leads to itself
    fs::create_symlink(project.dir / "loop", project.dir / "loop");
    check_refused(project.db, {"extract", (project.dir / "loop").string(), "--as", "pat"},
                  (project.dir / "loop").string(), "Too many levels of symbolic links");
}

TEST_CASE("a file name that is not UTF-8 cannot become a document id", "[environment]") {
    Project project;
    write_file(project.docs / "caf\xe9.txt", "Coffee\n\nNo coffee before the test.\n");
    check_refused(project.db, {"extract", project.docs.string(), "--as", "pat"}, "caf",
                  "the file name is not valid UTF-8");
}

TEST_CASE("a language ICU does not know is not a target locale", "[environment]") {
    TempDir dir;
    const fs::path db = dir / "medloc.db";
    const Result result = run_medloc(db, {"init", "--targets", "es-US,xx-YY", "--owner", "pat", "--name",
                                          "Pat Publisher", "--new-password-file", passphrase_file(db, "pat").string()});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("--targets: xx-YY: ICU knows no language \"xx\"") != std::string::npos);
    CHECK_FALSE(fs::exists(db));
}

TEST_CASE("100000 nested div or b elements are refused before parsing", "[environment][limits]") {
    Project project;
    for (const std::string element : {"div", "b"}) {
        const fs::path page = project.dir / "deep" / (element + ".html");
        write_file(page, nested_page(element, 100000));
        check_refused(project.db, {"extract", page.string(), "--as", "pat"},
                      page.string() + ":1:", "elements are nested more than 256 deep here");
    }
    // A page nested within the limit extracts, and --max-depth raises it.
    const fs::path page = project.dir / "deep" / "fine.html";
    write_file(page, nested_page("div", 300));
    check_refused(project.db, {"extract", page.string(), "--as", "pat"}, page.string(), "nested more than 256");
    CHECK(succeeds(project.db, {"extract", page.string(), "--as", "pat", "--max-depth", "400"}));
}

TEST_CASE("a document larger than the limit is refused before it is read", "[environment][limits]") {
    Project project;
    const fs::path big = project.dir / "big" / "big.txt";
    fs::create_directories(big.parent_path());
    {
        std::ofstream out(big);
        out << "Title\n\n";
        for (int i = 0; i < 160000; ++i) out << "Give the child five mL of syrup every day with food.\n\n";
    }
    REQUIRE(fs::file_size(big) > (8u << 20));
    check_refused(project.db, {"extract", big.string(), "--as", "pat"}, big.string(),
                  "MiB, more than the 8.0 MiB medloc reads of one file");
    check_refused(project.db, {"extract", big.string(), "--as", "pat", "--max-size", "0"}, "--max-size", "", 1);
}
