// What a database failure says: the file, the cause in people's words and
// what to do, whatever SQLite's own code was. The conditions are made on one
// connection (query_only for a read-only file, max_page_count for a full
// disk), since a test run as root writes any file.
#include "reviews/store.h"
#include "sqlite/sqlite.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace medloc::reviews;
using namespace medloc::test;
namespace fs = std::filesystem;

namespace {

// The message of the DatabaseError that inserting `rows` rows throws.
std::string failure_writing(Database& db, int rows) {
    db.exec("CREATE TABLE IF NOT EXISTS t (x TEXT)");
    try {
        Statement insert(db, "INSERT INTO t (x) VALUES (?)");
        const std::string row(4000, 'x');
        for (int i = 0; i < rows; ++i) insert.bind(1, row).run();
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a read-only project file is named, with what to check", "[reviews][errors]") {
    const fs::path path = temporary_file("errors.db");
    Database db(path.string(), Database::Mode::create_new);
    db.exec("CREATE TABLE t (x TEXT)");
    db.exec("PRAGMA query_only = ON");
    const std::string message = failure_writing(db, 1);
    CHECK(message.find(path.string() + " cannot be written") == 0);
    CHECK(message.find("check the permissions of the file and of its folder") != std::string::npos);
    fs::remove(path);
}

TEST_CASE("a full disk is named as a full disk", "[reviews][errors]") {
    const fs::path path = temporary_file("errors.db");
    Database db(path.string(), Database::Mode::create_new);
    db.exec("CREATE TABLE t (x TEXT)");
    db.exec("PRAGMA max_page_count = 8");
    const std::string message = failure_writing(db, 100);
    CHECK(message == "the disk that holds " + path.string() + " is full; free some space and run the command again");
    fs::remove(path);
}

TEST_CASE("a file that is not a database is named as damaged", "[reviews][errors]") {
    const fs::path path = temporary_file("errors.db");
    {
        Database db(path.string(), Database::Mode::create_new);
        db.exec("CREATE TABLE t (x TEXT)");
    }
    fs::resize_file(path, 100);  // the header cut short
    fs::resize_file(path, 8192);
    Database db(path.string(), Database::Mode::open_existing);
    std::string message;
    try {
        Statement read(db, "SELECT x FROM t");
        read.step();
    } catch (const DatabaseError& e) {
        message = e.what();
    }
    CHECK(message.find(path.string() + " is damaged") == 0);
    fs::remove(path);
}
