// floor.cpp - what each step of medloc's workflow cannot do without: ICU's
// sentence breaks and SQLite's writes and reads, done by a program that does
// nothing else, with medloc's durability (WAL, synchronous=FULL). A tool of
// scripts/bench.sh, which prints every medloc step's ratio to its floor; not
// part of the product.
//
//   medloc_floor extract DB DIR                 sentences of every file, stored in one transaction
//   medloc_floor export DB LOCALE OUT           each document's sentences, a file each
//   medloc_floor import DB LOCALE [--per-file]  a target and an audit row per sentence,
//                                               in one transaction (or one per document)
//   medloc_floor review DB LOCALE STATE         every target's state and an audit row, one transaction
//   medloc_floor build DB LOCALE OUT            the log read once, then each document's targets
//                                               in order, a file each, and each file read back
//   medloc_floor write DB LOCALE OUT            each document's targets in order, a file each
//   medloc_floor log DB                         every row of the log read once, in order
//
// A build must verify the whole log before it writes, and read back what
// it wrote (DESIGN.md, Bundles): its floor reads both, as audit verify's
// floor reads the log. Hashing and signatures are not ICU's or SQLite's
// work and are left out.
#include <sqlite3.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct CloseDatabase {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

class Database {
public:
    explicit Database(const std::string& path) {
        sqlite3* db = nullptr;
        const int opened = sqlite3_open(path.c_str(), &db);
        db_.reset(db);
        if (opened != SQLITE_OK) throw std::runtime_error("cannot open " + path);
        exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -32768");
    }
    void exec(const char* sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string what = error ? error : "?";
            sqlite3_free(error);
            throw std::runtime_error(what);
        }
    }
    sqlite3* get() const { return db_.get(); }

private:
    std::unique_ptr<sqlite3, CloseDatabase> db_;
};

// A prepared statement, reset after each row it writes.
class Statement {
public:
    Statement(Database& db, const char* sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db.get(), sql, -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db.get()));
        statement_.reset(statement);
    }
    Statement& bind(int index, const std::string& text) {
        sqlite3_bind_text(statement_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int index, sqlite3_int64 number) {
        sqlite3_bind_int64(statement_.get(), index, number);
        return *this;
    }
    bool step() {
        const int result = sqlite3_step(statement_.get());
        if (result != SQLITE_ROW && result != SQLITE_DONE) throw std::runtime_error("step failed");
        return result == SQLITE_ROW;
    }
    void run() {
        step();
        sqlite3_reset(statement_.get());
    }
    std::string text(int column) {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_.get(), column));
        return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column)))
                     : std::string();
    }
    sqlite3_int64 integer(int column) { return sqlite3_column_int64(statement_.get(), column); }
    // The column read as text, without a copy.
    std::size_t bytes(int column) {
        sqlite3_column_text(statement_.get(), column);
        return static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column));
    }
    void reset() { sqlite3_reset(statement_.get()); }

private:
    std::unique_ptr<sqlite3_stmt, FinalizeStatement> statement_;
};

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void create(Database& db) {
    db.exec(
        "CREATE TABLE IF NOT EXISTS segment (id INTEGER PRIMARY KEY, document TEXT NOT NULL, position INTEGER NOT "
        "NULL, source TEXT NOT NULL);"
        "CREATE INDEX IF NOT EXISTS segment_of ON segment(document, position);"
        "CREATE TABLE IF NOT EXISTS translation (segment INTEGER NOT NULL, locale TEXT NOT NULL, target TEXT, "
        "state TEXT NOT NULL, PRIMARY KEY (segment, locale));"
        "CREATE TABLE IF NOT EXISTS event (id INTEGER PRIMARY KEY, segment INTEGER NOT NULL, locale TEXT NOT NULL, "
        "state TEXT NOT NULL, target TEXT);");
}

int extract(Database& db, const std::string& folder) {
    create(db);
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::BreakIterator> sentences(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU sentence iterator");
    db.exec("BEGIN IMMEDIATE");
    Statement add(db, "INSERT INTO segment (document, position, source) VALUES (?, ?, ?)");
    for (const fs::path& file : files) {
        const std::string text = read_all(file);
        UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        sentences->setText(utext, status);
        sqlite3_int64 position = 0;
        int32_t start = sentences->first();
        for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; start = end, end = sentences->next())
            add.bind(1, file.string()).bind(2, position++).bind(3, text.substr(start, end - start)).run();
        sentences->setText(icu::UnicodeString());
        utext_close(utext);
    }
    db.exec("COMMIT");
    return 0;
}

std::vector<std::string> documents(Database& db) {
    Statement list(db, "SELECT DISTINCT document FROM segment ORDER BY document");
    std::vector<std::string> names;
    while (list.step()) names.push_back(list.text(0));
    return names;
}

// One file per document, holding its segments' targets in `locale` in
// order (the source where there is none). Returns the files.
std::vector<fs::path> write_documents(Database& db, const std::string& locale, const std::string& out) {
    fs::create_directories(out);
    Statement each(db,
                   "SELECT coalesce(t.target, s.source) FROM segment s LEFT JOIN translation t "
                   "ON t.segment = s.id AND t.locale = ?2 WHERE s.document = ?1 ORDER BY s.position");
    std::vector<fs::path> files;
    for (const std::string& document : documents(db)) {
        files.push_back(fs::path(out) / (std::to_string(files.size()) + ".out"));
        std::ofstream file(files.back(), std::ios::binary);
        each.bind(1, document).bind(2, locale);
        while (each.step()) file << each.text(0);
        each.reset();
    }
    return files;
}

// Every row of the log with its texts, once, in order; returns the bytes.
std::size_t read_log(Database& db) {
    db.exec("BEGIN");
    Statement each(db, "SELECT segment, locale, state, target FROM event ORDER BY id");
    std::size_t read = 0;
    while (each.step())
        read += static_cast<std::size_t>(each.integer(0)) + each.bytes(1) + each.bytes(2) + each.bytes(3);
    each.reset();
    db.exec("COMMIT");
    return read;
}

int build(Database& db, const std::string& locale, const std::string& out) {
    read_log(db);
    for (const fs::path& file : write_documents(db, locale, out)) read_all(file);
    return 0;
}

int import(Database& db, const std::string& locale, bool per_file) {
    Statement segments(db, "SELECT id, source FROM segment WHERE document = ? ORDER BY position");
    Statement target(
        db, "INSERT OR REPLACE INTO translation (segment, locale, target, state) VALUES (?, ?, ?, 'translated')");
    Statement audit(db, "INSERT INTO event (segment, locale, state, target) VALUES (?, ?, 'translated', ?)");
    if (!per_file) db.exec("BEGIN IMMEDIATE");
    for (const std::string& document : documents(db)) {
        if (per_file) db.exec("BEGIN IMMEDIATE");
        segments.bind(1, document);
        while (segments.step()) {
            const std::string text = "[" + segments.text(1) + "]";
            target.bind(1, segments.integer(0)).bind(2, locale).bind(3, text).run();
            audit.bind(1, segments.integer(0)).bind(2, locale).bind(3, text).run();
        }
        segments.reset();
        if (per_file) db.exec("COMMIT");
    }
    if (!per_file) db.exec("COMMIT");
    return 0;
}

int review(Database& db, const std::string& locale, const std::string& state) {
    db.exec("BEGIN IMMEDIATE");
    Statement all(db, "SELECT segment, target FROM translation WHERE locale = ? ORDER BY segment");
    Statement set(db, "UPDATE translation SET state = ?3 WHERE segment = ?1 AND locale = ?2");
    Statement audit(db, "INSERT INTO event (segment, locale, state, target) VALUES (?, ?, ?, ?)");
    all.bind(1, locale);
    while (all.step()) {
        set.bind(1, all.integer(0)).bind(2, locale).bind(3, state).run();
        audit.bind(1, all.integer(0)).bind(2, locale).bind(3, state).bind(4, all.text(1)).run();
    }
    all.reset();
    db.exec("COMMIT");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 2) {
        std::cerr << "usage: medloc_floor extract DB DIR | export|import|review|build|write DB LOCALE ... | log DB\n";
        return 1;
    }
    try {
        Database db(args[1]);
        const std::string& step = args[0];
        if (step == "extract" && args.size() == 3) return extract(db, args[2]);
        if (step == "export" && args.size() == 4) {
            write_documents(db, "", args[3]);
            return 0;
        }
        if (step == "import" && args.size() >= 3)
            return import(db, args[2], args.size() == 4 && args[3] == "--per-file");
        if (step == "review" && args.size() == 4) return review(db, args[2], args[3]);
        if (step == "build" && args.size() == 4) return build(db, args[2], args[3]);
        if (step == "write" && args.size() == 4) {
            write_documents(db, args[2], args[3]);
            return 0;
        }
        if (step == "log" && args.size() == 2) {
            read_log(db);
            return 0;
        }
        std::cerr << "medloc_floor: unknown step or arguments\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "medloc_floor: " << e.what() << "\n";
        return 1;
    }
}
