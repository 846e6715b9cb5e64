// sqlite_store: the Store of reviews/store.h in one SQLite file. Private to
// reviews/; callers get it from open_project() and create_project().
#pragma once

#include "log_row.h"
#include "reviews/store.h"
#include "sqlite.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace medloc::reviews {

struct KeptFile;

class SqliteStore final : public Store {
public:
    static std::unique_ptr<SqliteStore> create(const std::string& path, ProjectSettings settings, const Clock& clock,
                                               const OpenOptions& options);
    static std::unique_ptr<SqliteStore> open(const std::string& path, const OpenOptions& options);

    const ProjectSettings& settings() const override { return settings_; }
    std::unique_ptr<Transaction> transaction(Access access) override;

    std::optional<DocumentVersion> current_version(std::string_view document_id) override;
    std::vector<StoredSegment> version_segments(std::string_view document_id, std::int64_t version) override;
    std::vector<TranslatedSegment> version_translations(std::string_view document_id, std::int64_t version,
                                                        std::string_view locale) override;
    std::optional<StoredSegment> segment(std::string_view segment_id) override;
    void each_document_status(std::string_view only_locale, std::string_view only_document,
                              const std::function<void(const DocumentStatus&)>& each) override;
    std::vector<std::string> document_ids() override;
    std::vector<std::string> documents_from(std::string_view folder) override;
    std::vector<std::string> documents_cut_otherwise(std::string_view segmentation_sha256) override;
    bool is_retired(std::string_view document_id) override;
    std::vector<Retirement> retired_since_release(std::string_view locale) override;
    void set_document_folder(std::string_view document_id, std::string_view folder) override;
    void retire_document(const Retirement& retirement) override;
    void restore_document(std::string_view document_id) override;
    std::optional<Translation> translation(std::string_view segment_id, std::string_view locale) override;
    std::vector<Translation> translations_of(std::string_view segment_id) override;
    std::vector<LogEntry> segment_log(std::string_view segment_id, std::string_view locale) override;
    std::vector<LogEntry> document_log(std::string_view document_id, std::string_view locale) override;
    void read_document_events(std::string_view document_id, std::string_view locale,
                              const std::function<void(const LogEntry&)>& each) override;
    std::optional<RecordedReview> last_document_review(std::string_view document_id, std::string_view locale) override;
    std::int64_t last_translation_change(std::string_view document_id, std::string_view locale) override;
    std::int64_t log_position() override;
    AuditReport verify_log() override;
    std::unique_ptr<Store> reader_beside() override;
    std::unique_ptr<Store> reader_apart() override;
    ReadTexts take_read_texts() override;
    void adopt_read_texts(const ReadTexts& texts) override;
    std::unique_ptr<LogVerification> verify_log_beside() override;
    std::optional<LogHead> unsigned_head() override;
    std::optional<Person> person(std::string_view id) override;
    std::vector<Person> people() override;
    std::optional<std::string> glossary() override;
    std::string segmentation_rules() override;
    std::int64_t memory_size(std::string_view target_language) override;
    std::vector<MemoryUnit> memory_exact(std::string_view plain, std::string_view target_language) override;
    std::vector<MemoryUnit> memory_candidates(const std::vector<std::string>& words, std::size_t needed,
                                              std::string_view target_language, int limit) override;
    void each_memory_unit(std::string_view target_language, bool project_only,
                          const std::function<void(const MemoryUnit&)>& each) override;

    void add_document_version(const DocumentVersion& version) override;
    void set_version_segments(std::string_view document_id, std::int64_t version,
                              const std::vector<std::string>& segment_ids) override;
    void set_version_segmentation(std::string_view document_id, std::int64_t version,
                                  std::string_view segmentation_sha256) override;
    void add_segment(const StoredSegment& segment, std::int64_t version) override;
    void restore_segment(std::string_view segment_id) override;
    void retire_segment(std::string_view segment_id, std::int64_t version) override;
    void put_translation(const Translation& translation) override;
    void add_event(const Event& event) override;
    void add_document_review(const DocumentReview& review) override;
    void add_person_change(const PersonChange& change) override;
    void add_release(const Release& release) override;
    std::optional<LogEntry> release_of(std::string_view manifest_sha256) override;
    std::optional<LogEntry> log_entry(std::int64_t id) override;
    std::set<std::string> logged_hashes(const std::set<std::string>& hashes) override;
    void add_signature(const ActSignature& signature) override;
    void put_glossary(const GlossaryImport& import, std::string_view tbx) override;
    void put_segmentation_rules(const SegmentationChange& change, std::string_view srx) override;
    void add_memory_import(const MemoryImport& import) override;
    void add_memory_unit(const MemoryUnit& unit) override;
    void put_person(const Person& person) override;
    void add_failed_attempt(const FailedAttempt& attempt) override;

private:
    explicit SqliteStore(Database db);
    // A second connection with a read transaction of its own, held for its
    // life; open_reader_beside's reads what this store's writer began with.
    std::unique_ptr<SqliteStore> open_reader();
    std::unique_ptr<SqliteStore> open_reader_beside();
    void load_settings();
    void append(LogRow row);
    // The id of a text in the log's text table, added when new.
    std::int64_t text_id(std::string_view text);
    std::optional<std::int64_t> existing_text(std::string_view text);
    std::int64_t remember_text(std::string_view text, std::int64_t id);
    void keep_read(const std::string& text, std::int64_t id);
    void remember_read(const TranslatedSegment& read, const Statement& row);
    std::int64_t stamp_id(const LogRow& row);
    LogRow read_row(const Statement& row);
    void read_row(const Statement& row, LogRow& into);
    LogEntry read_entry(const Statement& row);
    std::vector<LogEntry> read_log(Statement& query);
    const LogRow& stamp_of(std::int64_t id);
    // The text of an id, kept while the transaction lasts; nullptr when
    // there is none (name_of: "").
    const std::string* kept_name(std::int64_t text_id);
    const std::string& name_of(std::int64_t text_id);
    Translation read_translation(const Statement& row, int first = 0);
    std::string kept_file_problem(const KeptFile& file);
    std::optional<std::string> kept_file(const KeptFile& file);
    void put_kept_file(const KeptFile& file, const LogRow& row, std::string_view sha256, std::string_view content);
    std::string memory_problem();
    // verify_log's two halves: the walk of the log (hashes, places,
    // signatures, registry), and what the tables must agree with in it
    // (translations, kept files, memory; "" when they do).
    AuditReport walk_log();
    std::string tables_problem();
    // Both, one after the other, on this connection.
    AuditReport verify_log_here();
    // Memory units are indexed for search in one statement as their
    // transaction commits: FTS5 writes its pending terms to disk at every
    // statement of a transaction that touched it, so a row at a time made
    // approving a thousand documents a third slower.
    class WriteTransaction;
    class ReaderThread;
    class LogVerifier;
    void index_new_memory();
    std::int64_t units_with_word(const std::string& word);

    Database db_;
    ProjectSettings settings_;
    // A reader_beside's read transaction, held for its life: its one view.
    std::optional<SqliteTransaction> held_read_;
    // A reader_beside's texts read, for the store it reads beside.
    ReadTexts read_texts_;
    std::int64_t memory_indexed_upto_ = -1;  // units past this id await indexing; -1: none added
    // Texts by content, to their ids: those written, and those read by a
    // transaction that writes texts, since what it writes next names the
    // texts it read (an approval logs the source and target it approved).
    // Looking each up by content was a tenth of approving. Kept for a
    // transaction, and to a bound.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    static constexpr std::size_t kRecentTexts = 4096;
    std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>> recent_texts_;
    // Set by the transaction's first text written: a build, which writes
    // only its release at the end, reads without remembering.
    bool remember_reads_ = false;
    std::optional<std::pair<std::int64_t, LogRow>> recent_stamp_;
    // The hash and time of the log's newest entry, which the next one
    // chains to, once appended or read in this transaction.
    struct NewestEntry {
        std::string hash;
        std::string at;
    };
    std::optional<NewestEntry> newest_entry_;
    // What read_row looked up, by id: an entry's stamp, its document's id
    // and its locale. Kept for a transaction, and to a bound. A stamp is
    // an act's: the log's walk meets them in order, and a document's
    // entries name a few, so a few suffice; kept by the tens of thousands
    // (one import a file) they were a fifth of audit's memory at 10,000
    // documents.
    static constexpr std::size_t kKeptStamps = 1'024;
    static constexpr std::size_t kKeptReads = 65'536;
    std::unordered_map<std::int64_t, LogRow> stamps_;
    std::unordered_map<std::int64_t, std::string> names_;
    // How many memory units hold each word (units_with_word).
    std::unordered_map<std::string, std::int64_t> word_units_;
};

}  // namespace medloc::reviews
