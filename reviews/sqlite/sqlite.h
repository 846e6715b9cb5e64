// sqlite: one RAII owner for each SQLite handle medloc uses.
//
// Database owns a connection, Statement a prepared statement,
// SqliteTransaction a BEGIN ... COMMIT that rolls back unless committed:
// BEGIN IMMEDIATE for writers, so that a second writer waits at the start
// rather than failing half way, and a deferred BEGIN for readers. Every
// failure throws DatabaseError naming the file, the cause in people's words
// and what to do (ProjectBusy when another writer held on too long). Only
// prepared statements with bound parameters touch data; exec() is for fixed
// schema text. Private to reviews/.
//
// While a writer holds the project, the file PATH-writer says who ("medloc
// import by ana, pid 41, since ..."), so that a writer that waits can say
// for whom; it goes when the transaction ends.
#pragma once

#include "reviews/store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace medloc::reviews {

// SQLite found no database in the file at all.
class NotADatabase : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// The index key of a text: 60 bits of its SHA-256, which keeps an index
// small; the text itself is compared after. The memory's keys.
std::int64_t text_key(std::string_view text);
// The key the log's text table finds a text by, the same idea at a tenth of
// the cost (63 bits of FNV-1a: no adversary gains by a collision, which
// costs one more comparison). Also SQL's medloc_text_key(), for migrations.
std::int64_t lookup_key(std::string_view text);

// A memory unit's context of two digests, "prev:next" in 16 lower-case hex
// digits each, as its 16 bytes (schema 15); nothing for any other context,
// which is kept as text. Also SQL's medloc_packed_context(), for migrations,
// which gives the text back unpacked.
std::optional<std::string> packed_context(std::string_view context);

class Database {
public:
    enum class Mode { open_existing, create_new };
    Database(const std::string& path, Mode mode, const OpenOptions& options = {});
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&&) = delete;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql);
    // The rowid of the row the last INSERT added.
    std::int64_t last_insert_id() const;
    // Whether a transaction is open (not autocommit).
    bool in_transaction() const;
    // Whether it holds the write lock (BEGIN IMMEDIATE, or a write).
    bool writing() const;
    // Makes the statement running on another thread fail (SQLITE_INTERRUPT).
    void interrupt() const;
    const OpenOptions& options() const { return options_; }
    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    // Readers then never wait for the writer; kept in the file.
    void use_write_ahead_log();

    // The error of the last call, as DatabaseError (or ProjectBusy).
    [[noreturn]] void fail(const std::string& what) const;
    // Fails as a disk error would when the test build's fault injection says so.
    void check_fault() const;
    // Says who holds the project while this connection writes.
    void mark_writer() const;
    void unmark_writer() const;

    // A prepared statement of `sql`: one kept from before when one is free
    // (preparing is most of the cost of the small queries medloc makes by
    // the thousand), else a new one. Statement gives it back to `pool`.
    struct Prepared {
        sqlite3_stmt* statement = nullptr;
        std::vector<sqlite3_stmt*>* pool = nullptr;
    };
    Prepared prepare(std::string_view sql);

private:
    static int on_busy(void* self, int attempts);
    std::string writer_file() const { return path_ + "-writer"; }
    std::string holder() const;

    sqlite3* db_ = nullptr;
    std::string path_;
    OpenOptions options_;
    bool told_waiting_ = false;
    // The statements not in use, by their SQL text; finalized before closing.
    std::map<std::string, std::vector<sqlite3_stmt*>, std::less<>> prepared_;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binding by 1-based position; returns *this so calls can chain.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t number);
    Statement& bind_null(int index);
    // NULL when there is no text.
    Statement& bind_optional(int index, const std::optional<std::string>& text);
    Statement& bind_blob(int index, std::string_view bytes);

    bool step();  // true while there is a row
    void run();   // a statement that returns no row
    void reset();

    std::string text(int column) const;
    // The column's bytes, valid until the next step or reset: for filling
    // strings that are kept from row to row, without a string per row.
    std::string_view view(int column) const;
    std::int64_t integer(int column) const;
    bool is_null(int column) const;
    // The text, or nothing for NULL.
    std::optional<std::string> optional_text(int column) const;

private:
    Database& db_;
    sqlite3_stmt* statement_ = nullptr;
    std::vector<sqlite3_stmt*>* pool_ = nullptr;
};

class SqliteTransaction final : public Transaction {
public:
    SqliteTransaction(Database& db, Access access);
    ~SqliteTransaction() override;
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit() override;

private:
    Database& db_;
    bool writes_ = false;
    bool open_ = true;
};

}  // namespace medloc::reviews
