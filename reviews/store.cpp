// store.cpp - the project schema, its migrations and its queries.
#include "reviews/store.h"

#include "reviews/hash.h"

#include <openssl/rand.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace medloc::reviews {
namespace {

constexpr std::int64_t kApplicationId = 0x4D4C4F43;  // "MLOC"

// Each entry moves the schema one version on; user_version counts them.
constexpr const char* kMigrations[] = {
    // 1: documents, versions, segments, translations.
    R"sql(
    CREATE TABLE setting (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE target_locale (
        tag TEXT PRIMARY KEY
    ) STRICT;
    CREATE TABLE document (
        id              TEXT PRIMARY KEY,
        format          TEXT NOT NULL,
        current_version INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE document_version (
        document_id   TEXT NOT NULL REFERENCES document(id),
        version       INTEGER NOT NULL,
        source_sha256 TEXT NOT NULL,
        source_bytes  INTEGER NOT NULL,
        skeleton      TEXT NOT NULL,
        extracted_at  TEXT NOT NULL,
        PRIMARY KEY (document_id, version)
    ) STRICT;
    CREATE TABLE segment (
        id          TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document(id),
        source      TEXT NOT NULL,
        plain       TEXT NOT NULL,
        words       INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        context     TEXT NOT NULL,
        added_in    INTEGER NOT NULL,
        retired_in  INTEGER,
        replaces    TEXT REFERENCES segment(id)
    ) STRICT;
    CREATE INDEX segment_by_document ON segment(document_id, retired_in);
    CREATE TABLE version_segment (
        document_id TEXT NOT NULL,
        version     INTEGER NOT NULL,
        position    INTEGER NOT NULL,
        segment_id  TEXT NOT NULL REFERENCES segment(id),
        PRIMARY KEY (document_id, version, position),
        FOREIGN KEY (document_id, version) REFERENCES document_version(document_id, version)
    ) STRICT;
    CREATE TABLE translation (
        segment_id TEXT NOT NULL REFERENCES segment(id),
        locale     TEXT NOT NULL REFERENCES target_locale(tag),
        state      TEXT NOT NULL CHECK (state IN ('new', 'needs-translation', 'translated', 'revised', 'approved')),
        target     TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, locale)
    ) STRICT;
    )sql",
    // 2: who made each translation, the stale translation kept for
    // reference, and the append-only, hash-chained event log.
    R"sql(
    ALTER TABLE translation ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE translation ADD COLUMN previous_source TEXT;
    ALTER TABLE translation ADD COLUMN previous_target TEXT;
    CREATE TABLE event (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        document_id   TEXT NOT NULL REFERENCES document(id),
        segment_id    TEXT REFERENCES segment(id),
        locale        TEXT NOT NULL REFERENCES target_locale(tag),
        actor         TEXT NOT NULL,
        role          TEXT NOT NULL,
        meaning       TEXT NOT NULL,
        state         TEXT NOT NULL,
        source        TEXT NOT NULL,
        target        TEXT,
        comment       TEXT NOT NULL,
        origin        TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash          TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX event_by_segment ON event(segment_id, locale);
    CREATE INDEX event_by_document ON event(document_id, locale);
    CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    )sql",
};
constexpr std::int64_t kSchemaVersion = std::size(kMigrations);

std::int64_t pragma_number(Database& db, const char* name) {
    Statement pragma(db, std::string("PRAGMA ") + name);
    return pragma.step() ? pragma.integer(0) : 0;
}

void migrate(Database& db, std::int64_t from) {
    for (std::int64_t version = from; version < kSchemaVersion; ++version) {
        db.exec(kMigrations[version]);
        db.exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
    }
}

std::string random_project_id() {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw DatabaseError("no random bytes for a project id");
    char hex[33];
    for (int i = 0; i < 16; ++i) std::snprintf(hex + 2 * i, 3, "%02x", bytes[i]);
    return hex;
}

StoredSegment read_segment(const Statement& row) {
    StoredSegment segment;
    segment.id = row.text(0);
    segment.document_id = row.text(1);
    segment.source = row.text(2);
    segment.plain = row.text(3);
    segment.words = row.integer(4);
    segment.kind = row.text(5);
    segment.context = row.text(6);
    if (!row.is_null(7)) segment.retired_in = row.integer(7);
    segment.replaces = row.optional_text(8);
    return segment;
}

Translation read_translation(const Statement& row) {
    Translation translation;
    translation.segment_id = row.text(0);
    translation.locale = row.text(1);
    translation.state = row.text(2);
    translation.target = row.optional_text(3);
    translation.updated_at = row.text(4);
    translation.updated_by = row.text(5);
    translation.previous_source = row.optional_text(6);
    translation.previous_target = row.optional_text(7);
    return translation;
}

constexpr const char* kEventColumns =
    "SELECT id, at, document_id, COALESCE(segment_id, ''), locale, actor, role, meaning, state, source, target, "
    "comment, origin, previous_hash, hash FROM event ";

StoredEvent read_event(const Statement& row) {
    StoredEvent stored;
    stored.id = row.integer(0);
    Event& event = stored.event;
    event.at = row.text(1);
    event.document_id = row.text(2);
    event.segment_id = row.text(3);
    event.locale = row.text(4);
    event.actor = row.text(5);
    event.role = row.text(6);
    event.meaning = row.text(7);
    event.state = row.text(8);
    event.source = row.text(9);
    event.target = row.optional_text(10);
    event.comment = row.text(11);
    event.origin = row.text(12);
    stored.previous_hash = row.text(13);
    stored.hash = row.text(14);
    return stored;
}

std::vector<StoredEvent> read_events(Statement& query) {
    std::vector<StoredEvent> events;
    while (query.step()) events.push_back(read_event(query));
    return events;
}

constexpr const char* kTranslationColumns =
    "t.segment_id, t.locale, t.state, t.target, t.updated_at, t.updated_by, t.previous_source, t.previous_target";

// Each field with its length in front, so that no two events hash alike.
std::string event_bytes(const Event& event, const std::string& previous_hash) {
    std::string bytes;
    for (const std::string* field : {&previous_hash, &event.at, &event.document_id, &event.segment_id, &event.locale, &event.actor,
                                     &event.role, &event.meaning, &event.state, &event.source, &event.comment,
                                     &event.origin}) {
        bytes += std::to_string(field->size()) + ":" + *field;
    }
    bytes += event.target ? std::to_string(event.target->size()) + ":" + *event.target : std::string("-");
    return bytes;
}

}  // namespace

std::string event_hash(const Event& event, const std::string& previous_hash) {
    return sha256_hex(event_bytes(event, previous_hash));
}

std::string utc_timestamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

Store::Store(Database db) : db_(std::move(db)) {}

Store Store::create(const std::string& path, ProjectSettings settings) {
    std::error_code error;
    if (std::filesystem::exists(path, error))
        throw NotAProject(path + ": a file is already there; medloc init creates a new project only");
    Store store(Database(path, Database::Mode::create_new));
    Database& db = store.db_;
    {
        Transaction transaction(db);
        db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
        migrate(db, 0);
        settings.project_id = random_project_id();
        settings.created_at = utc_timestamp();
        Statement put(db, "INSERT INTO setting (name, value) VALUES (?, ?)");
        put.bind(1, "project_id").bind(2, settings.project_id).run();
        put.bind(1, "source_locale").bind(2, settings.source_locale).run();
        put.bind(1, "review_months").bind(2, std::to_string(settings.review_months)).run();
        put.bind(1, "created_at").bind(2, settings.created_at).run();
        Statement target(db, "INSERT INTO target_locale (tag) VALUES (?)");
        for (const std::string& tag : settings.target_locales) target.bind(1, tag).run();
        transaction.commit();
    }
    store.load_settings();
    return store;
}

Store Store::open(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        throw NotAProject(path + ": no project here; create one with 'medloc init', or name it with --db");
    if (std::filesystem::is_directory(path, error))
        throw NotAProject(path + ": is a folder, not a project database; name the database file with --db");
    Database db(path, Database::Mode::open_existing);
    std::int64_t application_id = 0;
    std::int64_t schema = 0;
    try {
        application_id = pragma_number(db, "application_id");
        schema = pragma_number(db, "user_version");
    } catch (const DatabaseError& e) {
        throw NotAProject(path + ": not a medloc project (" + e.what() + ")");
    }
    if (application_id != kApplicationId)
        throw NotAProject(path + ": not a medloc project (an SQLite file of another application)");
    if (schema > kSchemaVersion)
        throw NotAProject(path + ": made by a newer medloc (schema " + std::to_string(schema) +
                          "); use that version");
    db.exec("PRAGMA foreign_keys = ON");
    if (schema < kSchemaVersion) {
        Transaction transaction(db);
        migrate(db, schema);
        transaction.commit();
    }
    Store store(std::move(db));
    store.load_settings();
    return store;
}

void Store::load_settings() {
    Statement get(db_, "SELECT name, value FROM setting");
    while (get.step()) {
        const std::string name = get.text(0);
        if (name == "project_id") settings_.project_id = get.text(1);
        else if (name == "source_locale") settings_.source_locale = get.text(1);
        else if (name == "review_months") settings_.review_months = std::stoi(get.text(1));
        else if (name == "created_at") settings_.created_at = get.text(1);
    }
    settings_.target_locales.clear();
    Statement targets(db_, "SELECT tag FROM target_locale ORDER BY rowid");
    while (targets.step()) settings_.target_locales.push_back(targets.text(0));
}

std::optional<DocumentVersion> Store::current_version(std::string_view document_id) {
    Statement get(db_,
                  "SELECT v.document_id, v.version, d.format, v.source_sha256, v.source_bytes, v.skeleton, "
                  "v.extracted_at FROM document d JOIN document_version v "
                  "ON v.document_id = d.id AND v.version = d.current_version WHERE d.id = ?");
    get.bind(1, document_id);
    if (!get.step()) return std::nullopt;
    return DocumentVersion{get.text(0), get.integer(1), get.text(2), get.text(3),
                           get.integer(4), get.text(5), get.text(6)};
}

std::vector<StoredSegment> Store::version_segments(std::string_view document_id, std::int64_t version) {
    Statement get(db_,
                  "SELECT s.id, s.document_id, s.source, s.plain, s.words, s.kind, s.context, s.retired_in, s.replaces "
                  "FROM version_segment vs JOIN segment s ON s.id = vs.segment_id "
                  "WHERE vs.document_id = ? AND vs.version = ? ORDER BY vs.position");
    get.bind(1, document_id).bind(2, version);
    std::vector<StoredSegment> segments;
    while (get.step()) segments.push_back(read_segment(get));
    return segments;
}

std::optional<StoredSegment> Store::segment(std::string_view segment_id) {
    Statement get(db_,
                  "SELECT id, document_id, source, plain, words, kind, context, retired_in, replaces FROM segment WHERE id = ?");
    get.bind(1, segment_id);
    if (!get.step()) return std::nullopt;
    return read_segment(get);
}

std::vector<DocumentStatus> Store::status(std::string_view only_locale) {
    std::vector<DocumentStatus> documents;
    std::map<std::string, std::size_t> index;
    Statement totals(db_,
                     "SELECT d.id, d.format, d.current_version, COUNT(s.id), COALESCE(SUM(s.words), 0) "
                     "FROM document d LEFT JOIN segment s ON s.document_id = d.id AND s.retired_in IS NULL "
                     "GROUP BY d.id ORDER BY d.id");
    while (totals.step()) {
        index[totals.text(0)] = documents.size();
        documents.push_back({totals.text(0), totals.text(1), totals.integer(2), totals.integer(3), totals.integer(4), {}, {}});
    }
    for (DocumentStatus& document : documents)
        for (const std::string& locale : settings_.target_locales)
            if (only_locale.empty() || locale == only_locale)
                for (const char* state : kStates) document.states[locale][state] = 0;
    Statement states(db_,
                     "SELECT s.document_id, l.tag, COALESCE(t.state, 'new'), COUNT(*) "
                     "FROM segment s CROSS JOIN target_locale l "
                     "LEFT JOIN translation t ON t.segment_id = s.id AND t.locale = l.tag "
                     "WHERE s.retired_in IS NULL AND (?1 = '' OR l.tag = ?1) GROUP BY 1, 2, 3");
    states.bind(1, only_locale);
    while (states.step()) documents[index.at(states.text(0))].states[states.text(1)][states.text(2)] = states.integer(3);
    Statement stale(db_,
                    "SELECT s.document_id, t.locale, COUNT(*) FROM segment s JOIN translation t ON t.segment_id = s.id "
                    "WHERE s.retired_in IS NULL AND t.state = 'needs-translation' AND t.previous_target IS NOT NULL "
                    "AND (?1 = '' OR t.locale = ?1) GROUP BY 1, 2");
    stale.bind(1, only_locale);
    while (stale.step()) documents[index.at(stale.text(0))].stale[stale.text(1)] = stale.integer(2);
    return documents;
}

void Store::add_document_version(const DocumentVersion& version) {
    Statement document(db_,
                       "INSERT INTO document (id, format, current_version) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (id) DO UPDATE SET format = ?2, current_version = ?3");
    document.bind(1, version.document_id).bind(2, version.format).bind(3, version.version).run();
    Statement add(db_,
                  "INSERT INTO document_version (document_id, version, source_sha256, source_bytes, skeleton, "
                  "extracted_at) VALUES (?, ?, ?, ?, ?, ?)");
    add.bind(1, version.document_id).bind(2, version.version).bind(3, version.source_sha256);
    add.bind(4, version.source_bytes).bind(5, version.skeleton).bind(6, version.extracted_at).run();
}

void Store::set_version_segments(std::string_view document_id, std::int64_t version,
                                 const std::vector<std::string>& segment_ids) {
    Statement member(db_, "INSERT INTO version_segment (document_id, version, position, segment_id) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < segment_ids.size(); ++i) {
        member.bind(1, document_id).bind(2, version);
        member.bind(3, static_cast<std::int64_t>(i)).bind(4, segment_ids[i]).run();
    }
}

void Store::add_segment(const StoredSegment& segment, std::int64_t version, const std::optional<std::string>& replaces) {
    Statement add(db_,
                  "INSERT INTO segment (id, document_id, source, plain, words, kind, context, added_in, replaces) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, segment.id).bind(2, segment.document_id).bind(3, segment.source).bind(4, segment.plain);
    add.bind(5, segment.words).bind(6, segment.kind).bind(7, segment.context).bind(8, version);
    add.bind_optional(9, replaces);
    add.run();
}

void Store::restore_segment(std::string_view segment_id) {
    Statement restore(db_, "UPDATE segment SET retired_in = NULL WHERE id = ?");
    restore.bind(1, segment_id).run();
}

void Store::retire_segment(std::string_view segment_id, std::int64_t version) {
    Statement retire(db_, "UPDATE segment SET retired_in = ? WHERE id = ?");
    retire.bind(1, version).bind(2, segment_id).run();
}

std::vector<std::string> Store::document_ids() {
    Statement get(db_, "SELECT id FROM document ORDER BY id");
    std::vector<std::string> ids;
    while (get.step()) ids.push_back(get.text(0));
    return ids;
}

std::optional<Translation> Store::translation(std::string_view segment_id, std::string_view locale) {
    Statement get(db_, std::string("SELECT ") + kTranslationColumns +
                           " FROM translation t WHERE t.segment_id = ? AND t.locale = ?");
    get.bind(1, segment_id).bind(2, locale);
    if (!get.step()) return std::nullopt;
    return read_translation(get);
}

std::vector<Translation> Store::translations_of(std::string_view segment_id) {
    Statement get(db_, std::string("SELECT ") + kTranslationColumns +
                           " FROM translation t WHERE t.segment_id = ? ORDER BY t.locale");
    get.bind(1, segment_id);
    std::vector<Translation> translations;
    while (get.step()) translations.push_back(read_translation(get));
    return translations;
}

std::vector<StoredEvent> Store::segment_events(std::string_view segment_id, std::string_view locale) {
    Statement get(db_, std::string(kEventColumns) + "WHERE segment_id = ?1 AND (?2 = '' OR locale = ?2) ORDER BY id");
    get.bind(1, segment_id).bind(2, locale);
    return read_events(get);
}

std::vector<StoredEvent> Store::document_events(std::string_view document_id, std::string_view locale) {
    Statement get(db_, std::string(kEventColumns) + "WHERE document_id = ?1 AND (?2 = '' OR locale = ?2) ORDER BY id");
    get.bind(1, document_id).bind(2, locale);
    return read_events(get);
}

void Store::for_each_event(const std::function<void(const StoredEvent&)>& visit) {
    Statement all(db_, std::string(kEventColumns) + "ORDER BY id");
    while (all.step()) visit(read_event(all));
}

std::string Store::translation_without_event() {
    Statement check(db_,
                    "SELECT t.segment_id, t.locale, t.state FROM translation t LEFT JOIN event e ON e.id = "
                    "(SELECT MAX(id) FROM event WHERE segment_id = t.segment_id AND locale = t.locale) "
                    "WHERE e.id IS NULL OR e.state != t.state "
                    "OR (t.state != 'needs-translation' AND e.target IS NOT t.target) LIMIT 1");
    if (!check.step()) return {};
    return "the translation of segment " + check.text(0) + " in " + check.text(1) + " (" + check.text(2) +
           "), which is not what its last event says: it was changed outside medloc, or that event was removed";
}

std::optional<StoredEvent> Store::last_document_review(std::string_view document_id, std::string_view locale) {
    Statement get(db_, std::string(kEventColumns) +
                           "WHERE document_id = ? AND locale = ? AND segment_id IS NULL AND meaning = ? "
                           "ORDER BY id DESC LIMIT 1");
    get.bind(1, document_id).bind(2, locale).bind(3, kDocumentApproval);
    if (!get.step()) return std::nullopt;
    return read_event(get);
}

void Store::put_translation(const Translation& translation) {
    Statement put(db_,
                  "INSERT INTO translation (segment_id, locale, state, target, updated_at, updated_by, "
                  "previous_source, previous_target) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                  "ON CONFLICT (segment_id, locale) DO UPDATE SET state = ?3, target = ?4, updated_at = ?5, "
                  "updated_by = ?6, previous_source = ?7, previous_target = ?8");
    put.bind(1, translation.segment_id).bind(2, translation.locale).bind(3, translation.state);
    put.bind_optional(4, translation.target);
    put.bind(5, translation.updated_at).bind(6, translation.updated_by);
    put.bind_optional(7, translation.previous_source);
    put.bind_optional(8, translation.previous_target);
    put.run();
}

void Store::add_event(const Event& event) {
    Statement last(db_, "SELECT hash FROM event ORDER BY id DESC LIMIT 1");
    const std::string previous_hash = last.step() ? last.text(0) : std::string();
    Statement add(db_,
                  "INSERT INTO event (at, document_id, segment_id, locale, actor, role, meaning, state, source, target, "
                  "comment, origin, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, event.at).bind(2, event.document_id);
    if (event.segment_id.empty()) add.bind_null(3);
    else add.bind(3, event.segment_id);
    add.bind(4, event.locale).bind(5, event.actor).bind(6, event.role).bind(7, event.meaning);
    add.bind(8, event.state).bind(9, event.source);
    add.bind_optional(10, event.target);
    add.bind(11, event.comment).bind(12, event.origin).bind(13, previous_hash);
    add.bind(14, event_hash(event, previous_hash)).run();
}

}  // namespace medloc::reviews
