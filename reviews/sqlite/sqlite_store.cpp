// sqlite_store.cpp - the project store in one SQLite file: its queries.
//
// Every statement is prepared with bound parameters; the schema and its
// migrations are in schema.cpp; the log's row form and chain in log_row.cpp,
// shared with any other backend.
#include "sqlite_store.h"

#include "log_row.h"
#include "reviews/hash.h"
#include "schema.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <utility>

namespace medloc::reviews {

// A file the project keeps as a publisher set it, the newest in force: its
// table and the meaning of the log entries that set it.
struct KeptFile {
    const char* table;
    const char* meaning;
    const char* what;
};

namespace {

constexpr KeptFile kGlossaryFile{"glossary", kGlossaryMeaning, "the glossary"};
constexpr KeptFile kSegmentationFile{"segmentation_rules", kSegmentationMeaning, "the segmentation rules file"};

std::int64_t pragma_number(Database& db, const char* name) {
    Statement pragma(db, std::string("PRAGMA ") + name);
    return pragma.step() ? pragma.integer(0) : 0;
}

// A text a segment or translation refers to. The text table is append-only,
// so a missing one means the file was edited outside medloc: that is said,
// not read as a segment without its text.
std::string referred_text(const Statement& row, int column, const char* what, const std::string& segment_id) {
    if (row.is_null(column))
        throw DatabaseError("the " + std::string(what) + " of segment " + segment_id +
                            " is missing from the project: it was changed outside medloc; run medloc audit verify");
    return row.text(column);
}

std::optional<std::string> optional_referred_text(const Statement& row, int id_column, const char* what,
                                                  const std::string& segment_id) {
    if (row.is_null(id_column)) return std::nullopt;
    return referred_text(row, id_column + 1, what, segment_id);
}

// Where kSegmentColumns has the ids of a segment's source and plain text;
// each text's content follows its id.
constexpr int kSegmentSourceId = 2;
constexpr int kSegmentPlainId = 4;

// The segment in a row of kSegmentColumns.
StoredSegment read_segment(const Statement& row) {
    StoredSegment segment;
    segment.id = row.text(0);
    segment.document_id = row.text(1);
    segment.source = referred_text(row, kSegmentSourceId + 1, "source text", segment.id);
    segment.plain = referred_text(row, kSegmentPlainId + 1, "plain text", segment.id);
    segment.words = row.integer(6);
    segment.kind = row.text(7);
    segment.context = referred_text(row, 9, "context", segment.id);
    if (!row.is_null(10)) segment.retired_in = row.integer(10);
    segment.replaces = row.optional_text(11);
    return segment;
}

// A segment's texts are kept once, in the log's text table (schema 12);
// each comes as its id, then its content.
constexpr const char* kSegmentColumns =
    "s.id, s.document_id, s.source, s_source.content, s.plain, s_plain.content, s.words, s.kind, s.context, "
    "s_context.content, s.retired_in, s.replaces";
constexpr int kSegmentColumnCount = 12;
constexpr const char* kSegmentTexts =
    " LEFT JOIN text s_source ON s_source.id = s.source LEFT JOIN text s_plain ON s_plain.id = s.plain "
    "LEFT JOIN text s_context ON s_context.id = s.context ";

State stored_state(std::int64_t code) {
    const auto state = state_of_code(code);
    if (!state)
        throw DatabaseError("a translation has the state " + std::to_string(code) +
                            ", which no medloc writes: it was changed outside medloc; run medloc audit verify");
    return *state;
}

// A stored state's name. A number no medloc writes is named as no state is:
// an entry's hash, made of the name, then no longer matches.
std::string stored_state_name(std::int64_t code) {
    const auto state = state_of_code(code);
    return state ? to_string(*state) : "state " + std::to_string(code);
}

// Each text a translation refers to comes as its id, then its content;
// who changed it and when, the same few texts in every row, come as ids
// (SqliteStore::read_translation).
constexpr const char* kTranslationColumns =
    "t.segment_id, t.locale, t.state, t.target, t_target.content, t.updated_at, t.updated_by, t.previous_source, "
    "t_previous_source.content, t.previous_target, t_previous_target.content";
constexpr const char* kTranslationTexts =
    " LEFT JOIN text t_target ON t_target.id = t.target "
    "LEFT JOIN text t_previous_source ON t_previous_source.id = t.previous_source "
    "LEFT JOIN text t_previous_target ON t_previous_target.id = t.previous_target ";

// An entry of the log as stored: its own numbers and texts; who, when and
// why (its stamp) and which document and locale are looked up by
// SqliteStore::read_row, which keeps them while the transaction lasts.
constexpr const char* kLogColumns =
    "SELECT e.id, e.stamp, e.document, seg.content, e.locale, e.state, src.content, tgt.content, e.finding, "
    "e.hash FROM event e LEFT JOIN text seg ON seg.id = e.segment JOIN text src ON src.id = e.source "
    "LEFT JOIN text tgt ON tgt.id = e.target ";

constexpr const char* kPersonColumns =
    "SELECT id, name, roles, passphrase_hash, public_key, sealed_key, registered_at, disabled_at FROM person ";

Person read_person(const Statement& row) {
    Person person;
    person.id = row.text(0);
    person.name = row.text(1);
    const auto roles = parse_role_list(row.text(2));
    if (!roles) throw DatabaseError("person " + person.id + " has roles no medloc writes: " + row.text(2));
    person.roles = *roles;
    person.passphrase_hash = row.text(3);
    person.public_key = row.text(4);
    person.sealed_key = row.text(5);
    person.registered_at = row.text(6);
    person.disabled_at = row.optional_text(7);
    return person;
}

// An entry's state by its name, as it is hashed: "" for none (NULL).
std::string stored_entry_state(const Statement& row, int column) {
    return row.is_null(column) ? "" : stored_state_name(row.integer(column));
}

// Binds `text` at `index`, or NULL for "".
void bind_or_null(Statement& statement, int index, const std::string& text) {
    if (text.empty()) statement.bind_null(index);
    else statement.bind(index, text);
}

}  // namespace

LogRow SqliteStore::read_row(const Statement& row) {
    LogRow log;
    read_row(row, log);
    return log;
}

// Into a row kept from one to the next, whose strings keep their room:
// every audit and build reads the whole log this way.
void SqliteStore::read_row(const Statement& row, LogRow& log) {
    log.id = row.integer(0);
    const LogRow& stamp = stamp_of(row.integer(1));
    log.at = stamp.at;
    log.actor = stamp.actor;
    log.actor_id = stamp.actor_id;
    log.for_id = stamp.for_id;
    log.role = stamp.role;
    log.meaning = stamp.meaning;
    log.comment = stamp.comment;
    log.origin = stamp.origin;
    log.document_id = row.is_null(2) ? std::string_view() : name_of(row.integer(2));
    log.segment_id = row.view(3);
    log.locale = row.is_null(4) ? std::string_view() : name_of(row.integer(4));
    log.state = stored_entry_state(row, 5);
    log.source = row.view(6);
    if (row.is_null(7)) log.target.reset();
    else if (log.target) *log.target = row.view(7);
    else log.target.emplace(row.view(7));
    log.finding = row.view(8);
    log.hash = to_hex(row.view(9));  // stored as its 32 bytes
}

LogEntry SqliteStore::read_entry(const Statement& row) {
    try {
        return entry_of(read_row(row));
    } catch (const LogFormatError& e) {
        throw DatabaseError(std::string(e.what()) + "; run medloc audit verify");
    }
}

std::vector<LogEntry> SqliteStore::read_log(Statement& query) {
    std::vector<LogEntry> entries;
    while (query.step()) entries.push_back(read_entry(query));
    return entries;
}

// A stamp or text that is not there reads as empty: the entry then fails
// its hash, which is how audit verify reports an edited log.
const LogRow& SqliteStore::stamp_of(std::int64_t id) {
    if (const auto known = stamps_.find(id); known != stamps_.end()) return known->second;
    if (stamps_.size() >= kKeptStamps) stamps_.clear();
    Statement get(db_,
                  "SELECT at, actor, COALESCE(actor_id, ''), COALESCE(for_id, ''), role, meaning, comment, origin "
                  "FROM stamp WHERE id = ?");
    get.bind(1, id);
    LogRow& stamp = stamps_[id];
    if (get.step()) {
        stamp.at = get.text(0);
        stamp.actor = get.text(1);
        stamp.actor_id = get.text(2);
        stamp.for_id = get.text(3);
        stamp.role = get.text(4);
        stamp.meaning = get.text(5);
        stamp.comment = get.text(6);
        stamp.origin = get.text(7);
    }
    return stamp;
}

const std::string* SqliteStore::kept_name(std::int64_t text_id) {
    if (const auto known = names_.find(text_id); known != names_.end()) return &known->second;
    if (names_.size() >= kKeptReads) names_.clear();
    Statement get(db_, "SELECT content FROM text WHERE id = ?");
    get.bind(1, text_id);
    if (!get.step()) return nullptr;
    return &(names_[text_id] = get.text(0));
}

const std::string& SqliteStore::name_of(std::int64_t text_id) {
    static const std::string kNone;
    const std::string* name = kept_name(text_id);
    return name ? *name : kNone;
}

// The translation in the row's columns from `first` on (kTranslationColumns).
Translation SqliteStore::read_translation(const Statement& row, int first) {
    Translation translation;
    translation.segment_id = row.text(first);
    translation.locale = row.text(first + 1);
    translation.state = stored_state(row.integer(first + 2));
    translation.target = optional_referred_text(row, first + 3, "target", translation.segment_id);
    const auto referred_name = [&](int column, const char* what) {
        const std::string* name = kept_name(row.integer(column));
        if (!name)
            throw DatabaseError("the " + std::string(what) + " of the translation of segment " +
                                translation.segment_id +
                                " is missing from the project: it was changed outside medloc; run medloc audit verify");
        return *name;
    };
    translation.updated_at = referred_name(first + 5, "time of change");
    translation.updated_by = referred_name(first + 6, "author");
    translation.previous_source = optional_referred_text(row, first + 7, "stale source", translation.segment_id);
    translation.previous_target = optional_referred_text(row, first + 9, "stale target", translation.segment_id);
    return translation;
}

SqliteStore::SqliteStore(Database db) : db_(std::move(db)) {}

std::unique_ptr<SqliteStore> SqliteStore::create(const std::string& path, ProjectSettings settings, const Clock& clock,
                                                 const OpenOptions& options) {
    std::error_code error;
    if (std::filesystem::exists(path, error))
        throw NotAProject(path + ": a file is already there; medloc init creates a new project only");
    auto store = std::unique_ptr<SqliteStore>(new SqliteStore(Database(path, Database::Mode::create_new, options)));
    Database& db = store->db_;
    db.use_write_ahead_log();
    {
        SqliteTransaction transaction(db, Access::write);
        db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
        migrate(db, 0);
        settings.project_id = random_hex(16);
        settings.created_at = clock.now();
        Statement put(db, "INSERT INTO setting (name, value) VALUES (?, ?)");
        put.bind(1, "project_id").bind(2, settings.project_id).run();
        put.bind(1, "source_locale").bind(2, settings.source_locale).run();
        put.bind(1, "review_months").bind(2, std::to_string(settings.review_months)).run();
        put.bind(1, "created_at").bind(2, settings.created_at).run();
        Statement target(db, "INSERT INTO target_locale (tag) VALUES (?)");
        for (const std::string& tag : settings.target_locales) target.bind(1, tag).run();
        transaction.commit();
    }
    store->load_settings();
    return store;
}

std::unique_ptr<SqliteStore> SqliteStore::open(const std::string& path, const OpenOptions& options) {
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        throw NotAProject(path + ": no project here; create one with 'medloc init', or name it with --db");
    if (std::filesystem::is_directory(path, error))
        throw NotAProject(path + ": is a folder, not a project database; name the database file with --db");
    Database db(path, Database::Mode::open_existing, options);
    std::int64_t application_id = 0;
    std::int64_t schema = 0;
    try {
        application_id = pragma_number(db, "application_id");
        schema = pragma_number(db, "user_version");
    } catch (const NotADatabase&) {
        throw NotAProject(path + ": not a medloc project (not an SQLite database at all)");
    }
    if (application_id != kApplicationId)
        throw NotAProject(path + ": not a medloc project (an SQLite file of another application)");
    if (schema > schema_version())
        throw NotAProject(path + ": made by a newer medloc (schema " + std::to_string(schema) + "); use that version");
    db.use_write_ahead_log();
    // Migrations rebuild tables that others refer to, so foreign keys are
    // enforced from after them (SQLite's own advice for schema changes).
    if (schema < schema_version()) {
        SqliteTransaction transaction(db, Access::write);
        migrate(db, schema);
        transaction.commit();
    }
    db.exec("PRAGMA foreign_keys = ON");
    auto store = std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db)));
    store->load_settings();
    return store;
}

void SqliteStore::load_settings() {
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

class SqliteStore::WriteTransaction final : public Transaction {
public:
    WriteTransaction(SqliteStore& store, Access access) : store_(store), inner_(store.db_, access) {}
    ~WriteTransaction() override {
        store_.remember_reads_ = false;
        store_.memory_indexed_upto_ = -1;
        store_.recent_texts_.clear();
        store_.recent_stamp_.reset();
        store_.newest_entry_.reset();
        store_.stamps_.clear();
        store_.names_.clear();
        store_.word_units_.clear();
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit() override {
        store_.index_new_memory();
        inner_.commit();
    }

private:
    SqliteStore& store_;
    SqliteTransaction inner_;
};

std::unique_ptr<Transaction> SqliteStore::transaction(Access access) {
    return std::make_unique<WriteTransaction>(*this, access);
}

std::optional<DocumentVersion> SqliteStore::current_version(std::string_view document_id) {
    Statement get(db_,
                  "SELECT v.document_id, v.version, d.format, v.source_sha256, v.source_bytes, v.skeleton, "
                  "v.extracted_at, v.segmentation_sha256 FROM document d JOIN document_version v "
                  "ON v.document_id = d.id AND v.version = d.current_version WHERE d.id = ?");
    get.bind(1, document_id);
    if (!get.step()) return std::nullopt;
    return DocumentVersion{get.text(0),    get.integer(1), get.text(2), get.text(3),
                           get.integer(4), get.text(5),    get.text(6), get.text(7)};
}

std::vector<StoredSegment> SqliteStore::version_segments(std::string_view document_id, std::int64_t version) {
    Statement get(db_, std::string("SELECT ") + kSegmentColumns +
                           " FROM version_segment vs JOIN segment s ON s.id = vs.segment_id" + kSegmentTexts +
                           "WHERE vs.document_id = ? AND vs.version = ? ORDER BY vs.position");
    get.bind(1, document_id).bind(2, version);
    std::vector<StoredSegment> segments;
    while (get.step()) segments.push_back(read_segment(get));
    return segments;
}

std::vector<TranslatedSegment> SqliteStore::version_translations(std::string_view document_id, std::int64_t version,
                                                                 std::string_view locale) {
    Statement get(db_, std::string("SELECT ") + kSegmentColumns + ", " + kTranslationColumns +
                           " FROM version_segment vs JOIN segment s ON s.id = vs.segment_id" + kSegmentTexts +
                           "LEFT JOIN translation t ON t.segment_id = s.id AND t.locale = ?3" + kTranslationTexts +
                           "WHERE vs.document_id = ?1 AND vs.version = ?2 ORDER BY vs.position");
    get.bind(1, document_id).bind(2, version).bind(3, locale);
    std::vector<TranslatedSegment> segments;
    while (get.step()) {
        TranslatedSegment& here = segments.emplace_back();
        here.segment = read_segment(get);
        if (!get.is_null(kSegmentColumnCount)) here.translation = read_translation(get, kSegmentColumnCount);
        remember_read(here, get);
    }
    return segments;
}

std::optional<StoredSegment> SqliteStore::segment(std::string_view segment_id) {
    Statement get(db_, std::string("SELECT ") + kSegmentColumns + " FROM segment s" + kSegmentTexts + "WHERE s.id = ?");
    get.bind(1, segment_id);
    if (!get.step()) return std::nullopt;
    return read_segment(get);
}

void SqliteStore::each_document_status(std::string_view only_locale, std::string_view only_document,
                                       const std::function<void(const DocumentStatus&)>& each) {
    // One document alone is found by its key, not by a test of every row.
    const std::string which = only_document.empty() ? "" : " AND d.id = ?4";
    Statement totals(db_,
                     "SELECT d.id, d.format, d.current_version, COUNT(s.id), COALESCE(SUM(s.words), 0) "
                     "FROM document d LEFT JOIN segment s ON s.document_id = d.id AND s.retired_in IS NULL "
                     "WHERE d.retired_at IS NULL" +
                         which + " GROUP BY d.id ORDER BY d.id");
    // Counted here as the rows come, a document at a time: SQLite's GROUP
    // BY sorted a row per segment and locale first, and the memory that
    // took grew with the project. Both walks go in document order, so the
    // counts of a document follow its totals.
    Statement states(db_,
                     "SELECT d.id, l.tag, COALESCE(t.state, ?2), t.state = ?3 AND t.previous_target IS NOT NULL "
                     "FROM document d JOIN segment s ON s.document_id = d.id AND s.retired_in IS NULL "
                     "CROSS JOIN target_locale l "
                     "LEFT JOIN translation t ON t.segment_id = s.id AND t.locale = l.tag "
                     "WHERE d.retired_at IS NULL AND (?1 = '' OR l.tag = ?1)" +
                         which + " ORDER BY d.id");
    states.bind(1, only_locale).bind(2, state_code(State::new_)).bind(3, state_code(State::needs_translation));
    if (!only_document.empty()) {
        totals.bind(4, only_document);
        states.bind(4, only_document);
    }
    bool state_ahead = states.step();
    while (totals.step()) {
        DocumentStatus document{
            totals.text(0), totals.text(1), totals.integer(2), totals.integer(3), totals.integer(4), {}, {}};
        for (const std::string& locale : settings_.target_locales)
            if (only_locale.empty() || locale == only_locale)
                for (const State state : kStates) document.states[locale][state] = 0;
        for (; state_ahead && states.text(0) == document.document_id; state_ahead = states.step()) {
            const std::string locale = states.text(1);
            ++document.states[locale][stored_state(states.integer(2))];
            if (states.integer(3) == 1) ++document.stale[locale];
        }
        each(document);
    }
}

std::vector<std::string> SqliteStore::documents_cut_otherwise(std::string_view segmentation_sha256) {
    Statement get(db_,
                  "SELECT d.id FROM document d JOIN document_version v ON v.document_id = d.id AND v.version = "
                  "d.current_version WHERE d.retired_at IS NULL AND v.segmentation_sha256 != ? ORDER BY d.id");
    get.bind(1, segmentation_sha256);
    std::vector<std::string> ids;
    while (get.step()) ids.push_back(get.text(0));
    return ids;
}

std::vector<std::string> SqliteStore::documents_from(std::string_view folder) {
    Statement get(db_, "SELECT id FROM document WHERE folder = ? AND retired_at IS NULL ORDER BY id");
    get.bind(1, folder);
    std::vector<std::string> ids;
    while (get.step()) ids.push_back(get.text(0));
    return ids;
}

bool SqliteStore::is_retired(std::string_view document_id) {
    Statement get(db_, "SELECT retired_at IS NOT NULL FROM document WHERE id = ?");
    get.bind(1, document_id);
    return get.step() && get.integer(0) != 0;
}

std::vector<Retirement> SqliteStore::retired_since_release(std::string_view locale) {
    Statement get(db_, std::string(kLogColumns) +
                           "JOIN stamp s ON s.id = e.stamp WHERE s.meaning = ?1 AND e.segment IS NULL AND e.id > "
                           "(SELECT COALESCE(MAX(id), 0) FROM log WHERE meaning = ?2 AND document_id IS NULL AND "
                           "locale = ?3) ORDER BY e.id");
    get.bind(1, kRetiredMeaning).bind(2, kReleaseMeaning).bind(3, locale);
    std::vector<Retirement> retired;
    while (get.step()) retired.push_back(std::get<Retirement>(read_entry(get).record));
    return retired;
}

void SqliteStore::set_document_folder(std::string_view document_id, std::string_view folder) {
    Statement set(db_, "UPDATE document SET folder = ? WHERE id = ?");
    set.bind(1, folder).bind(2, document_id).run();
}

void SqliteStore::retire_document(const Retirement& retirement) {
    Statement retire(db_, "UPDATE document SET retired_at = ? WHERE id = ?");
    retire.bind(1, retirement.at).bind(2, retirement.document_id).run();
    append(row_of(retirement));
}

void SqliteStore::restore_document(std::string_view document_id) {
    Statement restore(db_, "UPDATE document SET retired_at = NULL WHERE id = ?");
    restore.bind(1, document_id).run();
}

std::vector<std::string> SqliteStore::document_ids() {
    Statement get(db_, "SELECT id FROM document WHERE retired_at IS NULL ORDER BY id");
    std::vector<std::string> ids;
    while (get.step()) ids.push_back(get.text(0));
    return ids;
}

std::optional<Translation> SqliteStore::translation(std::string_view segment_id, std::string_view locale) {
    Statement get(db_, std::string("SELECT ") + kTranslationColumns + " FROM translation t" + kTranslationTexts +
                           "WHERE t.segment_id = ? AND t.locale = ?");
    get.bind(1, segment_id).bind(2, locale);
    if (!get.step()) return std::nullopt;
    return read_translation(get);
}

std::vector<Translation> SqliteStore::translations_of(std::string_view segment_id) {
    Statement get(db_, std::string("SELECT ") + kTranslationColumns + " FROM translation t" + kTranslationTexts +
                           "WHERE t.segment_id = ? ORDER BY t.locale");
    get.bind(1, segment_id);
    std::vector<Translation> translations;
    while (get.step()) translations.push_back(read_translation(get));
    return translations;
}

std::vector<LogEntry> SqliteStore::segment_log(std::string_view segment_id, std::string_view locale) {
    const auto segment = existing_text(segment_id);
    const auto in_locale = locale.empty() ? std::optional<std::int64_t>(0) : existing_text(locale);
    if (!segment || !in_locale) return {};
    Statement get(db_, std::string(kLogColumns) + "WHERE e.segment = ?1 AND (?2 = 0 OR e.locale = ?2) ORDER BY e.id");
    get.bind(1, *segment).bind(2, *in_locale);
    return read_log(get);
}

std::vector<LogEntry> SqliteStore::document_log(std::string_view document_id, std::string_view locale) {
    const auto document = existing_text(document_id);
    const auto in_locale = locale.empty() ? std::optional<std::int64_t>(0) : existing_text(locale);
    if (!document || !in_locale) return {};
    Statement get(db_, std::string(kLogColumns) + "WHERE e.document = ?1 AND (?2 = 0 OR e.locale = ?2) ORDER BY e.id");
    get.bind(1, *document).bind(2, *in_locale);
    return read_log(get);
}

void SqliteStore::read_document_events(std::string_view document_id, std::string_view locale,
                                       const std::function<void(const LogEntry&)>& each) {
    const auto document = existing_text(document_id);
    const auto in_locale = existing_text(locale);
    if (!document || !in_locale) return;
    // kLogColumns, with the texts and hash of approvals only.
    Statement get(db_,
                  "SELECT e.id, e.stamp, e.document, seg.content, e.locale, e.state, src.content, tgt.content, "
                  "e.finding, CASE WHEN s.meaning = ?3 THEN e.hash END, e.segment "
                  "FROM event e JOIN stamp s ON s.id = e.stamp "
                  "LEFT JOIN text seg ON seg.id = e.segment "
                  "LEFT JOIN text src ON src.id = e.source AND s.meaning = ?3 "
                  "LEFT JOIN text tgt ON tgt.id = e.target AND s.meaning = ?3 "
                  "WHERE e.document = ?1 AND e.locale = ?2 AND e.segment IS NOT NULL ORDER BY e.id");
    get.bind(1, *document).bind(2, *in_locale).bind(3, to_string(Meaning::approved));
    constexpr int kSegmentTextId = 10;
    while (get.step()) {
        // The writes that follow log these segments again (an approval, the
        // segment it approves): looking each up by its id's text was a
        // twentieth of approving.
        if (!get.is_null(kSegmentTextId)) keep_read(get.text(3), get.integer(kSegmentTextId));
        each(read_entry(get));
    }
}

std::optional<RecordedReview> SqliteStore::last_document_review(std::string_view document_id, std::string_view locale) {
    const auto document = existing_text(document_id);
    const auto in_locale = existing_text(locale);
    if (!document || !in_locale) return std::nullopt;
    Statement get(db_, std::string(kLogColumns) +
                           "JOIN stamp s ON s.id = e.stamp WHERE e.document = ? AND e.locale = ? AND e.segment IS "
                           "NULL AND s.meaning = ? ORDER BY e.id DESC LIMIT 1");
    get.bind(1, *document).bind(2, *in_locale).bind(3, kDocumentReviewMeaning);
    if (!get.step()) return std::nullopt;
    const LogEntry entry = read_entry(get);
    return RecordedReview{entry.id, entry.hash, std::get<DocumentReview>(entry.record)};
}

std::int64_t SqliteStore::last_translation_change(std::string_view document_id, std::string_view locale) {
    const auto document = existing_text(document_id);
    const auto in_locale = existing_text(locale);
    if (!document || !in_locale) return 0;
    Statement get(db_,
                  "SELECT COALESCE(MAX(id), 0) FROM log WHERE document_ref = ? AND locale_ref = ? "
                  "AND segment_ref IS NOT NULL AND meaning != ?");
    // A waiver accepts a finding of a target as it stands: it changes none.
    get.bind(1, *document).bind(2, *in_locale).bind(3, to_string(Meaning::waived));
    return get.step() ? get.integer(0) : 0;
}

std::int64_t SqliteStore::log_position() {
    Statement get(db_, "SELECT COALESCE(MAX(id), 0) FROM event");
    return get.step() ? get.integer(0) : 0;
}

// Work on a store of its own and a thread of its own. Destroyed before the
// work is done, it stops the work and waits, so that an error elsewhere
// never leaves a thread reading.
class SqliteStore::ReaderThread {
public:
    ReaderThread(std::unique_ptr<SqliteStore> reader, std::function<void(SqliteStore&)> work)
        : reader_(std::move(reader)), work_(std::move(work)), thread_([this] { run(); }) {}
    ~ReaderThread() {
        if (!thread_.joinable()) return;
        reader_->db_.interrupt();
        thread_.join();
    }
    ReaderThread(const ReaderThread&) = delete;
    ReaderThread& operator=(const ReaderThread&) = delete;

    // Waits for the work to end; throws what it threw.
    void wait() {
        if (thread_.joinable()) thread_.join();
        if (failed_) std::rethrow_exception(failed_);
    }

private:
    void run() {
        try {
            work_(*reader_);
        } catch (...) {
            failed_ = std::current_exception();
        }
    }

    std::unique_ptr<SqliteStore> reader_;
    std::function<void(SqliteStore&)> work_;
    std::exception_ptr failed_;
    std::thread thread_;  // last: it starts once the rest is made
};

AuditReport SqliteStore::walk_log() {
    LogCheck check(settings_.project_id);
    Statement rows(db_, std::string(kLogColumns) + "ORDER BY e.id");
    Statement signatures(db_, "SELECT last_event, signer, signature FROM signature ORDER BY last_event");
    bool signature_ahead = signatures.step();
    LogRow row;
    while (check.problem().empty() && rows.step()) {
        read_row(rows, row);
        check.add(row);
        for (; signature_ahead && signatures.integer(0) <= row.id; signature_ahead = signatures.step())
            check.add_signature({signatures.integer(0), signatures.text(1), signatures.text(2)});
    }
    if (check.problem().empty() && signature_ahead)
        check.add_signature({signatures.integer(0), signatures.text(1), signatures.text(2)});
    check.finish();
    check.check_registry(people());
    return check.report();
}

std::string SqliteStore::tables_problem() {
    // A translation must be what its last event says: an edit outside
    // medloc, or a removed last event, shows here.
    Statement translations(
        db_,
        // The locales' texts are looked up once, not for every translation;
        // a translation in a locale the project does not have has no event.
        "WITH locale_text (tag, id) AS MATERIALIZED (SELECT tag, (SELECT id FROM text WHERE key = "
        "medloc_text_key(tag) AND content = tag) FROM target_locale) "
        "SELECT t.segment_id, t.locale, t.state FROM translation t LEFT JOIN locale_text l ON l.tag = t.locale "
        "LEFT JOIN event e ON e.id = (SELECT MAX(id) FROM event WHERE "
        "segment = (SELECT id FROM text WHERE key = medloc_text_key(t.segment_id) AND content = t.segment_id) AND "
        "locale = l.id) "
        "WHERE e.id IS NULL OR e.state IS NOT t.state "
        "OR (t.state != ?1 AND e.target IS NOT t.target) LIMIT 1");
    translations.bind(1, state_code(State::needs_translation));
    if (translations.step())
        return "the translation of segment " + translations.text(0) + " in " + translations.text(1) + " (" +
               stored_state_name(translations.integer(2)) +
               "), which is not what its last event says: it was changed outside medloc, or that event was removed";
    std::string problem = kept_file_problem(kGlossaryFile);
    if (problem.empty()) problem = kept_file_problem(kSegmentationFile);
    if (problem.empty()) problem = memory_problem();
    return problem;
}

AuditReport SqliteStore::verify_log_here() {
    AuditReport report = walk_log();
    if (report.problem.empty()) report.problem = tables_problem();
    return report;
}

AuditReport SqliteStore::verify_log() {
    // The tables are checked over a second connection, on a thread of their
    // own, while this one walks the log: a third of the work, beside it.
    std::string tables;
    std::int64_t tables_position = -1;
    AuditReport report;
    {
        ReaderThread beside(open_reader(), [&](SqliteStore& reader) {
            tables = reader.tables_problem();
            tables_position = reader.log_position();
        });
        report = walk_log();
        if (!report.problem.empty()) return report;  // the check beside is stopped
        beside.wait();
    }
    // Both views hold the same log unless a writer committed between their
    // first reads (a build's writer lets none): then this view is checked.
    if (tables_position != log_position()) tables = tables_problem();
    report.problem = tables;
    return report;
}

// verify_log of a reader_beside, on a thread of its own. Its tables are
// checked after its walk, on the same thread: the caller's work beside it
// keeps the other core busy, and a third thread only made a build slower.
class SqliteStore::LogVerifier final : public LogVerification {
public:
    explicit LogVerifier(std::unique_ptr<SqliteStore> reader)
        : thread_(std::move(reader), [this](SqliteStore& store) { report_ = store.verify_log_here(); }) {}

    AuditReport report() override {
        thread_.wait();
        return report_;
    }

private:
    AuditReport report_;
    ReaderThread thread_;  // last: it starts once the report is made
};

std::unique_ptr<SqliteStore> SqliteStore::open_reader() {
    auto reader = std::unique_ptr<SqliteStore>(
        new SqliteStore(Database(db_.path(), Database::Mode::open_existing, db_.options())));
    reader->settings_ = settings_;
    reader->held_read_.emplace(reader->db_, Access::read);
    return reader;
}

std::unique_ptr<SqliteStore> SqliteStore::open_reader_beside() {
    if (!db_.writing()) throw std::logic_error("a reader beside needs a write transaction");
    std::unique_ptr<SqliteStore> reader = open_reader();
    // The view is taken at the first read: now, while the lock holds.
    Statement(reader->db_, "SELECT COUNT(*) FROM target_locale").step();
    return reader;
}

std::unique_ptr<Store> SqliteStore::reader_beside() { return open_reader_beside(); }

std::unique_ptr<Store> SqliteStore::reader_apart() {
    if (db_.in_transaction()) throw std::logic_error("a reader apart needs a store in no transaction");
    return open_reader();
}

ReadTexts SqliteStore::take_read_texts() { return std::exchange(read_texts_, {}); }

void SqliteStore::adopt_read_texts(const ReadTexts& texts) {
    for (const auto& [text, id] : texts.ids) remember_text(text, id);
}

std::unique_ptr<LogVerification> SqliteStore::verify_log_beside() {
    return std::make_unique<LogVerifier>(open_reader_beside());
}

// Each unit of the memory must be what the entry that brought it says: the
// approval of that very text, or the import of the file it names.
std::string SqliteStore::memory_problem() {
    // Texts are compared by their ids: the store keeps each text once.
    Statement units(db_,
                    "SELECT m.id, m.event FROM memory_unit m WHERE NOT EXISTS (SELECT 1 FROM event e JOIN stamp s ON "
                    "s.id = e.stamp WHERE e.id = m.event AND ((m.origin = ?1 AND s.meaning = ?2 AND e.source = "
                    "m.source AND e.target IS m.target AND e.locale = m.target_language AND m.plain IS (SELECT plain "
                    "FROM segment WHERE id = (SELECT content FROM text WHERE id = e.segment))) OR (m.origin != ?1 AND "
                    "s.meaning = ?3 AND s.origin = (SELECT content FROM text WHERE id = m.origin)))) LIMIT 1");
    // No text "project", no unit of the project's own.
    units.bind(1, existing_text(kProjectMemory).value_or(0));
    units.bind(2, to_string(Meaning::approved)).bind(3, kMemoryMeaning);
    if (!units.step()) return "";
    return "unit " + std::to_string(units.integer(0)) + " of the translation memory is not what log entry " +
           std::to_string(units.integer(1)) + " brought: it was added or changed outside medloc";
}

// The file in force must be the one its log entry set, byte for byte.
std::string SqliteStore::kept_file_problem(const KeptFile& file) {
    Statement last(db_, std::string("SELECT sha256, content, event FROM ") + file.table + " ORDER BY id DESC LIMIT 1");
    Statement logged(db_,
                     "SELECT id, source FROM log WHERE meaning = ? AND document_id IS NULL ORDER BY id DESC LIMIT 1");
    logged.bind(1, file.meaning);
    const bool set = logged.step();
    if (!last.step())
        return set ? std::string(file.what) + " set by event " + std::to_string(logged.integer(0)) +
                         " is missing from the project: it was removed outside medloc"
                   : "";
    if (!set || logged.integer(0) != last.integer(2) || sha256_hex(last.text(1)) != last.text(0) ||
        !logged.text(1).ends_with(" " + last.text(0)))
        return std::string(file.what) + " in force is not the file event " + std::to_string(last.integer(2)) +
               " set: it was changed outside medloc";
    return "";
}

std::optional<std::string> SqliteStore::kept_file(const KeptFile& file) {
    Statement get(db_, std::string("SELECT content FROM ") + file.table + " ORDER BY id DESC LIMIT 1");
    if (!get.step()) return std::nullopt;
    return get.text(0);
}

void SqliteStore::put_kept_file(const KeptFile& file, const LogRow& row, std::string_view sha256,
                                std::string_view content) {
    append(row);
    Statement put(db_, std::string("INSERT INTO ") + file.table +
                           " (event, sha256, content) VALUES ((SELECT MAX(id) FROM event), ?, ?)");
    put.bind(1, sha256).bind(2, content).run();
}

std::optional<LogHead> SqliteStore::unsigned_head() {
    Statement head(db_,
                   "SELECT id, lower(hex(hash)) FROM event "
                   "WHERE id > (SELECT COALESCE(MAX(last_event), 0) FROM signature) "
                   "ORDER BY id DESC LIMIT 1");
    if (!head.step()) return std::nullopt;
    return LogHead{head.integer(0), head.text(1)};
}

std::optional<Person> SqliteStore::person(std::string_view id) {
    Statement get(db_, std::string(kPersonColumns) + "WHERE id = ?");
    get.bind(1, id);
    if (!get.step()) return std::nullopt;
    return read_person(get);
}

std::vector<Person> SqliteStore::people() {
    Statement get(db_, std::string(kPersonColumns) + "ORDER BY id");
    std::vector<Person> people;
    while (get.step()) people.push_back(read_person(get));
    return people;
}

void SqliteStore::put_person(const Person& person) {
    Statement put(db_,
                  "INSERT INTO person (id, name, roles, passphrase_hash, public_key, sealed_key, registered_at, "
                  "disabled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET name = ?2, "
                  "roles = ?3, passphrase_hash = ?4, public_key = ?5, sealed_key = ?6, disabled_at = ?8");
    put.bind(1, person.id).bind(2, person.name).bind(3, role_list(person.roles)).bind(4, person.passphrase_hash);
    put.bind(5, person.public_key).bind(6, person.sealed_key).bind(7, person.registered_at);
    put.bind_optional(8, person.disabled_at);
    put.run();
}

void SqliteStore::add_person_change(const PersonChange& change) { append(row_of(change)); }

void SqliteStore::add_release(const Release& release) { append(row_of(release)); }

std::optional<std::string> SqliteStore::glossary() { return kept_file(kGlossaryFile); }

void SqliteStore::put_glossary(const GlossaryImport& import, std::string_view tbx) {
    put_kept_file(kGlossaryFile, row_of(import), import.sha256, tbx);
}

std::string SqliteStore::segmentation_rules() { return kept_file(kSegmentationFile).value_or(""); }

void SqliteStore::put_segmentation_rules(const SegmentationChange& change, std::string_view srx) {
    put_kept_file(kSegmentationFile, row_of(change), change.sha256, srx);
}

namespace {

// A unit's texts, each kept once in `text` (schema 12 and 14); its context
// unpacked again.
constexpr const char* kMemoryColumns =
    "SELECT source_language.content, target_language.content, source.content, plain.content, target.content, "
    "translator.content, translator_id.content, approver.content, created_at.content, changed_at.content, "
    "document_id.content, CASE WHEN typeof(m.context) = 'blob' THEN lower(hex(substr(m.context, 1, 8))) || ':' || "
    "lower(hex(substr(m.context, 9))) ELSE m.context END, origin.content, tuid.content FROM memory_unit m "
    "JOIN text source_language ON source_language.id = m.source_language "
    "JOIN text target_language ON target_language.id = m.target_language "
    "JOIN text source ON source.id = m.source JOIN text plain ON plain.id = m.plain "
    "JOIN text target ON target.id = m.target JOIN text translator ON translator.id = m.translator "
    "JOIN text translator_id ON translator_id.id = m.translator_id JOIN text approver ON approver.id = m.approver "
    "JOIN text created_at ON created_at.id = m.created_at JOIN text changed_at ON changed_at.id = m.changed_at "
    "JOIN text document_id ON document_id.id = m.document_id JOIN text origin ON origin.id = m.origin "
    "JOIN text tuid ON tuid.id = m.tuid ";

MemoryUnit read_memory_unit(const Statement& row) {
    return {row.text(0), row.text(1), row.text(2), row.text(3),  row.text(4),  row.text(5),  row.text(6),
            row.text(7), row.text(8), row.text(9), row.text(10), row.text(11), row.text(12), row.text(13)};
}

// A word as an FTS5 query term: quoted, so that the index's own tokenizer
// reads it and no character of it is query syntax.
std::string fts_term(std::string_view word) {
    std::string term = "\"";
    for (const char c : word) term += c == '"' ? std::string("\"\"") : std::string(1, c);
    return term + "\"";
}

}  // namespace

std::int64_t SqliteStore::memory_size(std::string_view target_language) {
    const auto language = existing_text(target_language);
    if (!language) return 0;
    Statement count(db_, "SELECT COUNT(*) FROM memory_unit WHERE target_language = ?");
    count.bind(1, *language);
    count.step();
    return count.integer(0);
}

std::vector<MemoryUnit> SqliteStore::memory_exact(std::string_view plain, std::string_view target_language) {
    const auto plain_id = existing_text(plain);
    const auto language = existing_text(target_language);
    if (!plain_id || !language) return {};
    Statement get(db_, std::string(kMemoryColumns) + "WHERE m.target_language = ? AND m.plain = ? ORDER BY m.id DESC");
    get.bind(1, *language).bind(2, *plain_id);
    std::vector<MemoryUnit> units;
    while (get.step()) units.push_back(read_memory_unit(get));
    return units;
}

void SqliteStore::index_new_memory() {
    if (memory_indexed_upto_ < 0) return;
    Statement index(db_, "INSERT INTO memory_words (rowid, plain) SELECT id, plain FROM memory_plain WHERE id > ?");
    index.bind(1, memory_indexed_upto_).run();
    memory_indexed_upto_ = -1;
    word_units_.clear();
}

// The index counts a word's units by reading every one of them, and a
// common word was asked for again and again (half of analyze): the counts
// are kept for a transaction, in which only the store's own writes, which
// forget them, change the index.
std::int64_t SqliteStore::units_with_word(const std::string& word) {
    const bool keep = db_.in_transaction();
    if (keep)
        if (const auto known = word_units_.find(word); known != word_units_.end()) return known->second;
    Statement vocabulary(db_, "SELECT doc FROM memory_vocabulary WHERE term = ?");
    vocabulary.bind(1, word);
    const std::int64_t units = vocabulary.step() ? vocabulary.integer(0) : 0;
    if (keep) {
        if (word_units_.size() >= kKeptReads) word_units_.clear();
        word_units_.emplace(word, units);
    }
    return units;
}

std::vector<MemoryUnit> SqliteStore::memory_candidates(const std::vector<std::string>& words, std::size_t needed,
                                                       std::string_view target_language, int limit) {
    index_new_memory();  // units added earlier in this transaction are found too
    const auto language = existing_text(target_language);
    if (!language) return {};
    // The rarest words first, by how many units hold each.
    constexpr std::int64_t kMostRows = 500;
    std::vector<std::pair<std::int64_t, const std::string*>> rarity;
    for (const std::string& word : words)
        if (const std::int64_t units = units_with_word(word); units > 0) rarity.emplace_back(units, &word);
    std::sort(rarity.begin(), rarity.end());
    std::string query;
    std::int64_t rows = 0;
    for (std::size_t i = 0; i < rarity.size() && i < needed; ++i) {
        if (i > 0 && rows + rarity[i].first > kMostRows) break;
        rows += rarity[i].first;
        query += (query.empty() ? "" : " OR ") + fts_term(*rarity[i].second);
    }
    if (query.empty()) return {};
    // Ranked by bm25, rarer shared words first; the index holds every
    // language pair, so more are asked for than `limit`.
    Statement get(db_, std::string(kMemoryColumns) +
                           "JOIN (SELECT rowid, rank FROM memory_words WHERE memory_words MATCH ?1 ORDER BY rank "
                           "LIMIT ?3) w ON w.rowid = m.id WHERE m.target_language = ?2 ORDER BY w.rank");
    get.bind(1, query).bind(2, *language).bind(3, static_cast<std::int64_t>(limit) * 4);
    std::vector<MemoryUnit> units;
    while (get.step() && static_cast<int>(units.size()) < limit) units.push_back(read_memory_unit(get));
    return units;
}

void SqliteStore::each_memory_unit(std::string_view target_language, bool project_only,
                                   const std::function<void(const MemoryUnit&)>& each) {
    const auto language = existing_text(target_language);
    if (!language) return;
    Statement get(
        db_, std::string(kMemoryColumns) + "WHERE m.target_language = ?1 AND (?2 = 0 OR m.origin = ?3) ORDER BY m.id");
    // No text "project", no unit of the project's own.
    get.bind(1, *language).bind(2, static_cast<std::int64_t>(project_only));
    get.bind(3, existing_text(kProjectMemory).value_or(0));
    while (get.step()) each(read_memory_unit(get));
}

void SqliteStore::add_memory_import(const MemoryImport& import) { append(row_of(import)); }

void SqliteStore::add_memory_unit(const MemoryUnit& unit) {
    if (memory_indexed_upto_ < 0) {
        Statement last(db_, "SELECT COALESCE(MAX(id), 0) FROM memory_unit");
        last.step();
        memory_indexed_upto_ = last.integer(0);
    }
    // The same languages, texts and context are one unit, however often approved.
    const std::int64_t once = text_key(unit.source_language + '\x1f' + unit.target_language + '\x1f' + unit.source +
                                       '\x1f' + unit.target + '\x1f' + unit.context);
    Statement add(db_,
                  "INSERT OR IGNORE INTO memory_unit (event, source_language, target_language, source, plain, "
                  "target, translator, translator_id, approver, created_at, changed_at, document_id, "
                  "context, origin, tuid, unit_key) "
                  "VALUES ((SELECT MAX(id) FROM event), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, text_id(unit.source_language)).bind(2, text_id(unit.target_language)).bind(3, text_id(unit.source));
    add.bind(4, text_id(unit.plain)).bind(5, text_id(unit.target)).bind(6, text_id(unit.translator));
    add.bind(7, text_id(unit.translator_id)).bind(8, text_id(unit.approver)).bind(9, text_id(unit.created_at));
    add.bind(10, text_id(unit.changed_at)).bind(11, text_id(unit.document_id));
    if (const auto packed = packed_context(unit.context)) add.bind_blob(12, *packed);
    else add.bind(12, unit.context);
    add.bind(13, text_id(unit.origin)).bind(14, text_id(unit.tuid)).bind(15, once);
    add.run();
}

std::optional<LogEntry> SqliteStore::release_of(std::string_view manifest_sha256) {
    Statement get(db_, std::string(kLogColumns) +
                           "JOIN stamp s ON s.id = e.stamp WHERE e.document IS NULL AND s.meaning = ? AND "
                           "src.content = ? ORDER BY e.id DESC LIMIT 1");
    get.bind(1, kReleaseMeaning).bind(2, release_source(manifest_sha256));
    if (!get.step()) return std::nullopt;
    return read_entry(get);
}

std::optional<LogEntry> SqliteStore::log_entry(std::int64_t id) {
    Statement get(db_, std::string(kLogColumns) + "WHERE e.id = ?");
    get.bind(1, id);
    if (!get.step()) return std::nullopt;
    return read_entry(get);
}

std::set<std::string> SqliteStore::logged_hashes(const std::set<std::string>& hashes) {
    std::map<std::string, std::string> wanted;  // the 32 bytes the log keeps, and the hex asked for
    for (const std::string& hash : hashes)
        if (const auto bytes = from_hex(hash); bytes && !bytes->empty()) wanted.emplace(*bytes, hash);
    std::set<std::string> found;
    Statement all(db_, "SELECT hash FROM event");
    while (found.size() < wanted.size() && all.step())
        if (const auto hash = wanted.find(all.text(0)); hash != wanted.end()) found.insert(hash->second);
    return found;
}

void SqliteStore::add_signature(const ActSignature& signature) {
    Statement add(db_, "INSERT INTO signature (last_event, signer, signature) VALUES (?, ?, ?)");
    add.bind(1, signature.last_event).bind(2, signature.signer_id).bind(3, signature.signature).run();
}

void SqliteStore::add_failed_attempt(const FailedAttempt& attempt) {
    Statement add(db_, "INSERT INTO failed_attempt (at, person, command, reason) VALUES (?, ?, ?, ?)");
    add.bind(1, attempt.at).bind(2, attempt.person_id).bind(3, attempt.command).bind(4, attempt.reason).run();
}

void SqliteStore::add_document_version(const DocumentVersion& version) {
    Statement document(db_,
                       "INSERT INTO document (id, format, current_version) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (id) DO UPDATE SET format = ?2, current_version = ?3");
    document.bind(1, version.document_id).bind(2, version.format).bind(3, version.version).run();
    Statement add(db_,
                  "INSERT INTO document_version (document_id, version, source_sha256, source_bytes, skeleton, "
                  "extracted_at, segmentation_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, version.document_id).bind(2, version.version).bind(3, version.source_sha256);
    add.bind(4, version.source_bytes).bind(5, version.skeleton).bind(6, version.extracted_at);
    add.bind(7, version.segmentation_sha256).run();
}

void SqliteStore::set_version_segmentation(std::string_view document_id, std::int64_t version,
                                           std::string_view segmentation_sha256) {
    Statement set(db_, "UPDATE document_version SET segmentation_sha256 = ? WHERE document_id = ? AND version = ?");
    set.bind(1, segmentation_sha256).bind(2, document_id).bind(3, version).run();
}

void SqliteStore::set_version_segments(std::string_view document_id, std::int64_t version,
                                       const std::vector<std::string>& segment_ids) {
    Statement member(db_,
                     "INSERT INTO version_segment (document_id, version, position, segment_id) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < segment_ids.size(); ++i) {
        member.bind(1, document_id).bind(2, version);
        member.bind(3, static_cast<std::int64_t>(i)).bind(4, segment_ids[i]).run();
    }
}

void SqliteStore::add_segment(const StoredSegment& segment, std::int64_t version) {
    Statement add(db_,
                  "INSERT INTO segment (id, document_id, source, plain, words, kind, context, added_in, replaces) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, segment.id).bind(2, segment.document_id).bind(3, text_id(segment.source));
    add.bind(4, text_id(segment.plain)).bind(5, segment.words).bind(6, segment.kind);
    add.bind(7, text_id(segment.context)).bind(8, version);
    add.bind_optional(9, segment.replaces);
    add.run();
}

void SqliteStore::restore_segment(std::string_view segment_id) {
    Statement restore(db_, "UPDATE segment SET retired_in = NULL WHERE id = ?");
    restore.bind(1, segment_id).run();
}

void SqliteStore::retire_segment(std::string_view segment_id, std::int64_t version) {
    Statement retire(db_, "UPDATE segment SET retired_in = ? WHERE id = ?");
    retire.bind(1, version).bind(2, segment_id).run();
}

void SqliteStore::put_translation(const Translation& translation) {
    Statement put(db_,
                  "INSERT INTO translation (segment_id, locale, state, target, updated_at, updated_by, "
                  "previous_source, previous_target) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                  "ON CONFLICT (segment_id, locale) DO UPDATE SET state = ?3, target = ?4, updated_at = ?5, "
                  "updated_by = ?6, previous_source = ?7, previous_target = ?8");
    put.bind(1, translation.segment_id).bind(2, translation.locale).bind(3, state_code(translation.state));
    const auto bind_text = [&](int index, const std::optional<std::string>& text) {
        if (text) put.bind(index, text_id(*text));
        else put.bind_null(index);
    };
    bind_text(4, translation.target);
    put.bind(5, text_id(translation.updated_at)).bind(6, text_id(translation.updated_by));
    bind_text(7, translation.previous_source);
    bind_text(8, translation.previous_target);
    put.run();
}

void SqliteStore::add_event(const Event& event) { append(row_of(event)); }

void SqliteStore::add_document_review(const DocumentReview& review) { append(row_of(review)); }

void SqliteStore::append(LogRow row) {
    if (!newest_entry_) {
        Statement last(db_,
                       "SELECT lower(hex(e.hash)), s.at FROM event e JOIN stamp s ON s.id = e.stamp "
                       "ORDER BY e.id DESC LIMIT 1");
        newest_entry_.emplace();
        if (last.step()) *newest_entry_ = {last.text(0), last.text(1)};
    }
    const auto& [previous_hash, previous_at] = *newest_entry_;
    if (row.at < previous_at)
        throw ClockWentBack("the clock went back: it says " + row.at + ", but the log's newest entry is dated " +
                            previous_at + "; set the system clock right and try again");
    row.hash = row_hash(row, previous_hash);
    Statement add(db_,
                  "INSERT INTO event (stamp, document, segment, locale, state, source, target, finding, hash) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, stamp_id(row));
    const auto bind_text = [&](int index, const std::string& text) {
        if (text.empty()) add.bind_null(index);
        else add.bind(index, text_id(text));
    };
    bind_text(2, row.document_id);
    bind_text(3, row.segment_id);
    bind_text(4, row.locale);
    if (row.state.empty()) add.bind_null(5);
    else add.bind(5, state_code(parse_state(row.state).value()));
    add.bind(6, text_id(row.source));
    if (row.target) add.bind(7, text_id(*row.target));
    else add.bind_null(7);
    bind_or_null(add, 8, row.finding);
    add.bind_blob(9, from_hex(row.hash).value());
    add.run();
    // Outside a transaction another writer may append next: read it again.
    if (db_.in_transaction()) *newest_entry_ = {std::move(row.hash), std::move(row.at)};
    else newest_entry_.reset();
}

// The texts and stamps written or looked up lately, by their ids: an act
// writes the same document, locale and stamp into each of its entries.
// Forgotten as each transaction ends, since a rollback takes the rows they name.
std::int64_t SqliteStore::text_id(std::string_view text) {
    remember_reads_ = true;
    if (const auto found = existing_text(text)) return *found;
    Statement add(db_, "INSERT INTO text (key, content) VALUES (?, ?)");
    add.bind(1, lookup_key(text)).bind(2, text).run();
    return remember_text(text, db_.last_insert_id());
}

std::optional<std::int64_t> SqliteStore::existing_text(std::string_view text) {
    if (const auto known = recent_texts_.find(text); known != recent_texts_.end()) return known->second;
    Statement find(db_, "SELECT id FROM text WHERE key = ? AND content = ?");
    find.bind(1, lookup_key(text)).bind(2, text);
    if (!find.step()) return std::nullopt;
    return remember_text(text, find.integer(0));
}

std::int64_t SqliteStore::remember_text(std::string_view text, std::int64_t id) {
    if (recent_texts_.size() >= kRecentTexts) recent_texts_.clear();
    recent_texts_.emplace(text, id);
    return id;
}

// A text read, by its id, for the writes that follow: a reader_beside keeps
// it for the store it reads beside, a store that writes for itself.
void SqliteStore::keep_read(const std::string& text, std::int64_t id) {
    if (held_read_) read_texts_.ids.emplace_back(text, id);
    else if (remember_reads_) remember_text(text, id);
}

// The texts of a row of version_translations().
void SqliteStore::remember_read(const TranslatedSegment& read, const Statement& row) {
    if (!held_read_ && !remember_reads_) return;
    keep_read(read.segment.source, row.integer(kSegmentSourceId));
    keep_read(read.segment.plain, row.integer(kSegmentPlainId));
    if (read.translation && read.translation->target)
        keep_read(*read.translation->target, row.integer(kSegmentColumnCount + 3));
}

std::int64_t SqliteStore::stamp_id(const LogRow& row) {
    const auto fields = [](const LogRow& r) {
        return std::tie(r.at, r.actor, r.actor_id, r.for_id, r.role, r.meaning, r.comment, r.origin);
    };
    if (recent_stamp_ && fields(recent_stamp_->second) == fields(row)) return recent_stamp_->first;
    Statement add(db_,
                  "INSERT INTO stamp (at, actor, actor_id, for_id, role, meaning, comment, origin) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, row.at).bind(2, row.actor);
    bind_or_null(add, 3, row.actor_id);
    bind_or_null(add, 4, row.for_id);
    add.bind(5, row.role).bind(6, row.meaning).bind(7, row.comment).bind(8, row.origin);
    add.run();
    const std::int64_t id = db_.last_insert_id();
    recent_stamp_.emplace(id, row);
    return id;
}

std::unique_ptr<Store> create_project(const std::string& path, ProjectSettings settings, const Clock& clock,
                                      const OpenOptions& options) {
    return SqliteStore::create(path, std::move(settings), clock, options);
}

std::unique_ptr<Store> open_project(const std::string& path, const OpenOptions& options) {
    return SqliteStore::open(path, options);
}

}  // namespace medloc::reviews
