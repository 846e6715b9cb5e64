// sqlite.cpp - thin owners over the SQLite C API.
#include "sqlite.h"

#include "reviews/clock.h"
#include "reviews/hash.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

namespace medloc::reviews {
namespace {

// How often a writer that waits for another looks again.
constexpr int kBusyStepMilliseconds = 50;

std::string_view argument_text(sqlite3_value* value) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(value))) : std::string_view();
}

// SQL's medloc_text_key(text), medloc_unhex(text) and
// medloc_packed_context(text): what migrations need of lookup_key(),
// from_hex() and packed_context(); NULL in, NULL out.
void sql_text_key(sqlite3_context* context, int, sqlite3_value** arguments) {
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) return sqlite3_result_null(context);
    sqlite3_result_int64(context, lookup_key(argument_text(arguments[0])));
}

void sql_unhex(sqlite3_context* context, int, sqlite3_value** arguments) {
    const auto bytes = from_hex(argument_text(arguments[0]));
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL || !bytes) return sqlite3_result_null(context);
    sqlite3_result_blob64(context, bytes->data(), bytes->size(), SQLITE_TRANSIENT);
}

void sql_packed_context(sqlite3_context* context, int, sqlite3_value** arguments) {
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) return sqlite3_result_null(context);
    const std::string_view text = argument_text(arguments[0]);
    const auto packed = packed_context(text);
    if (!packed) return sqlite3_result_text64(context, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    sqlite3_result_blob64(context, packed->data(), packed->size(), SQLITE_TRANSIENT);
}

}  // namespace

std::optional<std::string> packed_context(std::string_view context) {
    constexpr std::size_t kDigest = 16;
    if (context.size() != 2 * kDigest + 1 || context[kDigest] != ':') return std::nullopt;
    const std::string digits = std::string(context.substr(0, kDigest)) + std::string(context.substr(kDigest + 1));
    if (digits.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
    return from_hex(digits);
}

std::int64_t text_key(std::string_view text) { return std::stoll(sha256_hex(text).substr(0, 15), nullptr, 16); }

std::int64_t lookup_key(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325;  // FNV-1a, 64 bits
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3;
    }
    return static_cast<std::int64_t>(hash >> 1);
}

Database::Database(const std::string& path, Mode mode, const OpenOptions& options) : path_(path), options_(options) {
    // Each connection is used by one thread at a time (a reader beside has
    // its own), so SQLite's lock around every call is not needed: it was a
    // tenth of walking the log.
    const int flags = (mode == Mode::create_new ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE) |
                      SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        const int system_error = db_ ? sqlite3_system_errno(db_) : 0;
        sqlite3_close(db_);
        db_ = nullptr;
        throw DatabaseError("cannot open " + path + ": " + message +
                            (system_error ? std::string(" (") + std::strerror(system_error) + ")" : "") +
                            "; check that the file and its folder exist and that you may write to both");
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_handler(db_, on_busy, this);
    constexpr int kPure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function_v2(db_, "medloc_text_key", 1, kPure, nullptr, sql_text_key, nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(db_, "medloc_unhex", 1, kPure, nullptr, sql_unhex, nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(db_, "medloc_packed_context", 1, kPure, nullptr, sql_packed_context, nullptr, nullptr,
                               nullptr);
}

Database::~Database() {
    for (const auto& [sql, pool] : prepared_)
        for (sqlite3_stmt* statement : pool) sqlite3_finalize(statement);
    sqlite3_close(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      options_(std::move(other.options_)),
      prepared_(std::move(other.prepared_)) {
    if (db_) sqlite3_busy_handler(db_, on_busy, this);  // the handler knows its Database by address
}

void Database::check_fault() const {
    if (options_.fault && options_.fault())
        throw DatabaseError("cannot read or write " + path_ + " (disk I/O error, injected by the test build)");
}

void Database::exec(const char* sql) {
    check_fault();
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        fail("cannot run \"" + std::string(sql).substr(0, 60) + "\"");
}

void Database::use_write_ahead_log() {
    // Another process may hold the file in the old journal mode; it is
    // converted by the next command that opens it alone.
    sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    // Every commit reaches the disk before medloc says it is done: a power
    // cut loses nothing that was reported committed.
    exec("PRAGMA synchronous = FULL");
    // A large act (approving a whole corpus) touches the log, the
    // translations and the memory's indexes at once; 32 MiB of page cache
    // keeps it from reading the same pages back from the log file.
    exec("PRAGMA cache_size = -32768");
}

int Database::on_busy(void* self, int attempts) {
    auto* db = static_cast<Database*>(self);
    const int waited = attempts * kBusyStepMilliseconds;
    if (waited >= db->options_.busy_wait_ms) return 0;
    if (waited >= 1000 && !db->told_waiting_ && db->options_.on_wait) {
        db->told_waiting_ = true;
        db->options_.on_wait(db->holder());
    }
    sqlite3_sleep(kBusyStepMilliseconds);
    return 1;
}

std::string Database::holder() const {
    std::ifstream in(writer_file());
    std::string line;
    long pid = 0;
    if (!std::getline(in, line) || !(std::istringstream(line) >> pid) || pid <= 0 ||
        (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH))
        return "another program";
    const std::size_t text = line.find(' ');
    return line.substr(text == std::string::npos ? line.size() : text + 1);
}

void Database::mark_writer() const {
    std::ofstream out(writer_file(), std::ios::trunc);
    out << getpid() << ' ' << (options_.purpose.empty() ? "medloc" : options_.purpose) << " (pid " << getpid()
        << ") since " << SystemClock().now() << "\n";
}

void Database::unmark_writer() const { std::remove(writer_file().c_str()); }

void Database::fail(const std::string& what) const {
    const int code = sqlite3_extended_errcode(db_);
    const std::string message = sqlite3_errmsg(db_);
    const int system_error = sqlite3_system_errno(db_);
    const std::string cause = system_error ? std::string(" (") + std::strerror(system_error) + ")" : "";
    switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw ProjectBusy(path_ + " is busy: " + holder() + " has been changing it for longer than medloc waits (" +
                          std::to_string((options_.busy_wait_ms + 999) / 1000) +
                          " s); run the command again when it has finished");
    case SQLITE_NOTADB: throw NotADatabase(path_ + " is not a database (" + message + ")");
    case SQLITE_CORRUPT:
        throw DatabaseError(path_ + " is damaged (" + message +
                            "); restore it from your backup, and check the copy with medloc audit verify");
    case SQLITE_READONLY:
        throw DatabaseError(path_ + " cannot be written (" + message + cause +
                            "); check the permissions of the file and of its folder, where SQLite keeps its log");
    case SQLITE_FULL:
        throw DatabaseError("the disk that holds " + path_ + " is full; free some space and run the command again");
    case SQLITE_IOERR:
        throw DatabaseError("cannot read or write " + path_ + " (" + message + cause +
                            "); check the disk, and that the file is not on a network share that went away");
    case SQLITE_CANTOPEN:
        throw DatabaseError("cannot open " + path_ + " (" + message + cause +
                            "); check that the file and its folder exist and that you may write to both");
    case SQLITE_NOMEM: throw DatabaseError("out of memory while working on " + path_);
    default: throw DatabaseError(path_ + ": " + what + ": " + message);
    }
}

Database::Prepared Database::prepare(std::string_view sql) {
    auto pool = prepared_.find(sql);
    if (pool == prepared_.end()) pool = prepared_.emplace(std::string(sql), std::vector<sqlite3_stmt*>()).first;
    if (!pool->second.empty()) {
        sqlite3_stmt* statement = pool->second.back();
        pool->second.pop_back();
        return {statement, &pool->second};
    }
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        fail("cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"");
    }
    pool->second.reserve(pool->second.size() + 1);  // giving it back allocates nothing
    return {statement, &pool->second};
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
    const Database::Prepared prepared = db.prepare(sql);
    statement_ = prepared.statement;
    pool_ = prepared.pool;
}

// Back to its pool, reset: it holds no lock and no value of this use.
Statement::~Statement() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    pool_->push_back(statement_);
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail("cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
    if (sqlite3_bind_int64(statement_, index, number) != SQLITE_OK) db_.fail("cannot bind");
    return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

bool Database::writing() const { return sqlite3_txn_state(db_, "main") == SQLITE_TXN_WRITE; }

void Database::interrupt() const { sqlite3_interrupt(db_); }

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    if (sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail("cannot bind");
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(statement_, index) != SQLITE_OK) db_.fail("cannot bind");
    return *this;
}

bool Statement::step() {
    db_.check_fault();
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail("statement failed");
}

void Statement::run() {
    while (step()) {}
    reset();
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::string Statement::text(int column) const { return std::string(view(column)); }

std::string_view Statement::view(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement_, column));
    return bytes ? std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string_view();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

bool Statement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

SqliteTransaction::SqliteTransaction(Database& db, Access access) : db_(db), writes_(access == Access::write) {
    db_.exec(writes_ ? "BEGIN IMMEDIATE" : "BEGIN");
    if (writes_) db_.mark_writer();
}

SqliteTransaction::~SqliteTransaction() {
    if (!open_) return;
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (writes_) db_.unmark_writer();
}

void SqliteTransaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
    if (writes_) db_.unmark_writer();
}

}  // namespace medloc::reviews
