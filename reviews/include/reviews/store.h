// store: a medloc project, the one interface every backend implements.
//
// Today's backend is one SQLite file (reviews/sqlite/); a PostgreSQL one can
// follow behind this same interface, since callers never see a connection or
// a line of SQL: they open a transaction and call the queries below.
//
// What a project keeps:
//   settings           project id, source locale, target locales, review period
//   documents          each document, every version extracted (source hash and
//                      skeleton), and which segments make up each version
//   segments           every segment ever extracted; retired ones stay, with
//                      the version that retired them and the one they replace
//   translations       the target and state of a segment in a locale, who set
//                      it last, and a stale translation kept for reference
//   glossary           the TBX files imported, the newest in force
//   segmentation rules the SRX files set, the newest in force
//   the log            every change of a translation (Event) and every review
//                      of a whole document (DocumentReview), append-only, each
//                      entry chained to the one before by a SHA-256 hash
//
// Writers call the methods under "Writing" inside one write transaction per
// logical change (an extract run, the import of one file, one review act);
// readers take a read transaction for one consistent view.
#pragma once

#include "reviews/clock.h"
#include "reviews/vocabulary.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace medloc::reviews {

// The file is not a medloc project (or not one this medloc can read).
class NotAProject : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The backend failed (I/O, a full disk, a damaged or read-only database):
// the message names the file and the cause and says what to do.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Another writer held the project longer than medloc waits; the message
// says who (which command, since when) when that writer was a medloc.
class ProjectBusy : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// How a command opens a project: what it is (shown to a second writer that
// has to wait for it: "medloc import by ana"), and what to tell the person
// at the terminal when it has to wait itself (once, after a second; the
// text says for whom).
struct OpenOptions {
    std::string purpose;
    std::function<void(const std::string& waiting_for)> on_wait;
    int busy_wait_ms = 60'000;
    // For the test build's fault injection only (commands/seams/test.cpp):
    // asked before every statement runs; true makes it fail as a disk error.
    std::function<bool()> fault;
};

// An entry would be dated before the one before it: the clock went back.
// Times in the log only go forward.
class ClockWentBack : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ProjectSettings {
    std::string project_id;
    std::string source_locale;
    std::vector<std::string> target_locales;
    int review_months = 36;
    std::string created_at;
};

struct DocumentVersion {
    std::string document_id;
    std::int64_t version = 0;
    std::string format;
    std::string source_sha256;
    std::int64_t source_bytes = 0;
    std::string skeleton;
    std::string extracted_at;
    // The segmentation rules its sentences were cut by: the SHA-256 of the
    // project's rules file then in force, "" for medloc's own.
    std::string segmentation_sha256;
};

struct StoredSegment {
    std::string id;
    std::string document_id;
    std::string source;  // inline markup, see xliff/content.h
    std::string plain;
    std::int64_t words = 0;
    std::string kind;  // heading, paragraph, ... (the filter's word)
    std::string context;
    std::optional<std::int64_t> retired_in;
    std::optional<std::string> replaces;  // the segment this one is the edited text of
};

struct DocumentStatus {
    std::string document_id;
    std::string format;
    std::int64_t version = 0;
    std::int64_t segments = 0;
    std::int64_t words = 0;
    // locale -> state -> number of segments (every state present)
    std::map<std::string, std::map<State, std::int64_t>> states;
    // locale -> segments whose source changed under a translation (kept for reference)
    std::map<std::string, std::int64_t> stale;
};

struct Translation {
    std::string segment_id;
    std::string locale;
    State state = State::new_;
    std::optional<std::string> target;  // inline markup, as the source
    std::string updated_at;
    std::string updated_by;
    // The translation of an earlier source text of this segment.
    std::optional<std::string> previous_source;
    std::optional<std::string> previous_target;
};

// A segment of a document version with its translation into one locale,
// if it has one.
struct TranslatedSegment {
    StoredSegment segment;
    std::optional<Translation> translation;
};

// One change of one segment's translation: who did what, when, to exactly
// which text.
struct Event {
    std::string at;
    std::string document_id;
    std::string segment_id;
    std::string locale;
    std::string actor;     // the person's printed name, or the medloc command acting for them
    std::string actor_id;  // the registered person who acted; "" in logs from before people were registered
    std::string for_id;    // the person an import was done for (import --for), if anyone
    Role role = Role::system;
    Meaning meaning = Meaning::translated;
    State state = State::new_;  // the state it leaves the translation in
    std::string source;         // the segment's source markup
    std::optional<std::string> target;
    std::string comment;
    std::string origin;  // the file or command it came from
    // A waiver (Meaning::waived): the QA finding it waives, as
    // qa::Finding::key names it; the event's source and target are the
    // exact text it was waived for, its comment the reason.
    std::string finding;
};

// A clinical review of a whole document in one locale: the version of the
// document and the hash of every target the reviewer signed.
struct DocumentReview {
    std::string at;
    std::string document_id;
    std::string locale;
    std::string actor;
    std::string actor_id;
    Role role = Role::clinical;
    std::int64_t version = 0;
    std::string source_sha256;
    std::string targets_sha256;
    std::string comment;
    std::string origin;
};

struct RecordedReview {
    std::int64_t log_id = 0;
    std::string hash;
    DocumentReview review;
};

// What the log calls a whole-document review, and how it shows what was
// signed (these are also the stored words).
inline constexpr const char* kDocumentReviewMeaning = "approved for clinical accuracy (whole document)";
std::string signed_source(const DocumentReview& review);   // "version N, source sha256 X"
std::string signed_targets(const DocumentReview& review);  // "targets sha256 Y"

// A registered person. The passphrase is kept only as its Argon2id hash;
// the secret signing key only sealed under the passphrase (keys.h).
struct Person {
    std::string id;
    std::string name;
    std::vector<Role> roles;
    std::string passphrase_hash;
    std::string public_key;
    std::string sealed_key;
    std::string registered_at;
    std::optional<std::string> disabled_at;

    bool holds(Role role) const;
};

// "translator,reviser" and back; nothing for a word that is no role.
std::string role_list(const std::vector<Role>& roles);
std::optional<std::vector<Role>> parse_role_list(std::string_view text);

// A change of the people registry, made by a publisher (the owner's own
// registration at init is the first).
struct PersonChange {
    enum class Kind { registered, disabled, passphrase_changed };
    std::string at;
    std::string actor;
    std::string actor_id;
    Role role = Role::publisher;
    Kind kind = Kind::registered;
    std::string person_id;
    std::string name;
    std::vector<Role> roles;
    std::string public_key;  // the key the person signs with from now on
    std::string comment;
    std::string origin;
};
const char* to_string(PersonChange::Kind kind);

// A bundle released by a publisher: which locale, and the hash of the
// manifest that lists every document and the signatures that release it.
struct Release {
    std::string at;
    std::string actor;
    std::string actor_id;
    Role role = Role::publisher;
    std::string locale;
    std::string manifest_sha256;
    std::string comment;
    std::string origin;
};
inline constexpr const char* kReleaseMeaning = "released";

// A document taken out of every later bundle by a publisher; its history stays.
struct Retirement {
    std::string at;
    std::string actor;
    std::string actor_id;
    Role role = Role::publisher;
    std::string document_id;
    std::int64_t version = 0;
    std::string comment;
    std::string origin;
};
inline constexpr const char* kRetiredMeaning = "retired";

// A file a publisher made part of the project (a glossary, a translation
// memory): the log keeps the hash of the file's bytes.
struct FileImport {
    std::string at;
    std::string actor;
    std::string actor_id;
    Role role = Role::publisher;
    std::string sha256;
    std::string comment;  // what it holds ("12 entries, 30 terms")
    std::string origin;   // the file's name
};

// A glossary (a TBX file) made the project's terminology: it replaces the
// one before; the project keeps the bytes.
struct GlossaryImport : FileImport {};
inline constexpr const char* kGlossaryMeaning = "glossary imported";

// Segmentation rules (an SRX file) made the project's, or medloc's own
// rules made the project's again (an empty file): segments are cut anew on
// the next extract, so ids change. The project keeps the bytes.
struct SegmentationChange : FileImport {};
inline constexpr const char* kSegmentationMeaning = "segmentation rules set";

// A translation memory (a TMX file) added to the project's memory: its
// units are kept, each naming the file it came from.
struct MemoryImport : FileImport {};
inline constexpr const char* kMemoryMeaning = "translation memory imported";

// One unit of the project's translation memory: a translation a clinician
// approved in the project (kept as approved even after its document
// changes, as a memory does), or a unit of a TMX file imported. Leverage
// offers it to translators; it never approves anything itself.
struct MemoryUnit {
    std::string source_language;  // BCP 47, as the project spells its locales
    std::string target_language;
    std::string source;  // inline markup (xliff/content.h)
    std::string plain;   // the source's plain text: what matches are found by
    std::string target;
    std::string translator;     // the person who wrote the target, as named where it came from
    std::string translator_id;  // their id in the registry, when they are registered
    std::string approver;       // who approved it (a TMX's changeid)
    std::string created_at;     // ISO 8601 UTC, or "" when the memory does not say
    std::string changed_at;
    std::string document_id;  // where it was approved, or the TMX's document property
    // A digest of the segments before and after it in its document: the
    // same text in the same neighbours is an in-context match. "" when not known.
    std::string context;
    std::string origin;  // kProjectMemory, or the TMX file's name
    std::string tuid;
};
inline constexpr const char* kProjectMemory = "project";

// One entry of the log, as read back.
struct LogEntry {
    std::int64_t id = 0;
    std::string hash;
    std::variant<Event, DocumentReview, PersonChange, Release, Retirement, GlossaryImport, MemoryImport,
                 SegmentationChange>
        record;
};

// One act's signature: by `signer_id`, over the chain up to and including
// entry `last_event` (act_message), so that one signature covers every entry
// of the act and all before it.
struct ActSignature {
    std::int64_t last_event = 0;
    std::string signer_id;
    std::string signature;
};
// What an act's signature signs: the project and the chain's head hash.
std::string act_message(const std::string& project_id, const std::string& head_hash);

// The newest entry of the log, when no signature covers it yet.
struct LogHead {
    std::int64_t last_event = 0;
    std::string hash;
};

// A sign-in that failed (21 CFR 11.300): kept, never part of the log.
struct FailedAttempt {
    std::string at;
    std::string person_id;  // as typed
    std::string command;
    std::string reason;
};

// The log checked end to end: its chain, each entry's hash and time, every
// signature against the keys the registry's own signed entries gave, the
// registry against the log, and every translation against its last event.
struct AuditReport {
    std::int64_t entries_checked = 0;
    std::int64_t signatures_checked = 0;
    std::int64_t unsigned_legacy_entries = 0;  // written before people were registered
    std::string owner_id;                      // who registered first, with this key
    std::string owner_name;
    std::string owner_fingerprint;
    std::string problem;  // the first thing wrong, in an auditor's words; "" when intact
    bool intact() const { return problem.empty(); }
};

// The ids of texts a reader_beside read, in the file it shares with the
// store it reads beside. Handed back to that store, they spare an act that
// logs what it read looking each text up again by its content.
struct ReadTexts {
    std::vector<std::pair<std::string, std::int64_t>> ids;
};

// Rolls back unless committed.
class Transaction {
public:
    virtual ~Transaction() = default;
    virtual void commit() = 0;
};

enum class Access { read, write };

// The log verified on a thread of its own while its caller goes on reading
// (Store::verify_log_beside). Let go before report(), it stops the
// verification and waits for it.
class LogVerification {
public:
    virtual ~LogVerification() = default;
    // Waits for the verification; throws what it threw.
    virtual AuditReport report() = 0;
};

class Store {
public:
    virtual ~Store() = default;

    virtual const ProjectSettings& settings() const = 0;
    virtual std::unique_ptr<Transaction> transaction(Access access) = 0;

    // Reading
    virtual std::optional<DocumentVersion> current_version(std::string_view document_id) = 0;
    virtual std::vector<StoredSegment> version_segments(std::string_view document_id, std::int64_t version) = 0;
    // The same segments, each with its translation into `locale`, in one
    // read: what every step that walks a document in a locale asks for.
    virtual std::vector<TranslatedSegment> version_translations(std::string_view document_id, std::int64_t version,
                                                                std::string_view locale) = 0;
    virtual std::optional<StoredSegment> segment(std::string_view segment_id) = 0;
    // Each document in publication, in id order, with its segments counted
    // by state in `only_locale` ("" for every target locale), handed to
    // `each` one at a time so that the memory a report takes does not grow
    // with the project. `only_document` ("" for all) reads that one alone.
    virtual void each_document_status(std::string_view only_locale, std::string_view only_document,
                                      const std::function<void(const DocumentStatus&)>& each) = 0;
    // The documents in publication (retired ones left out).
    virtual std::vector<std::string> document_ids() = 0;
    // Those of them extracted from `folder` (as extract names it).
    virtual std::vector<std::string> documents_from(std::string_view folder) = 0;
    // Those whose current version was cut by other segmentation rules than
    // these ("" for medloc's own).
    virtual std::vector<std::string> documents_cut_otherwise(std::string_view segmentation_sha256) = 0;
    virtual bool is_retired(std::string_view document_id) = 0;
    // Retirements after the newest release of `locale` (all when none).
    virtual std::vector<Retirement> retired_since_release(std::string_view locale) = 0;
    virtual std::optional<Translation> translation(std::string_view segment_id, std::string_view locale) = 0;
    virtual std::vector<Translation> translations_of(std::string_view segment_id) = 0;
    // The log in the order it was written: of one segment, or of a document
    // (its segments, retired ones too, and its reviews); `locale` empty for
    // every locale.
    virtual std::vector<LogEntry> segment_log(std::string_view segment_id, std::string_view locale) = 0;
    virtual std::vector<LogEntry> document_log(std::string_view document_id, std::string_view locale) = 0;
    // A document's events on its segments in `locale`, in the same order,
    // each handed to `each` in turn and let go: for a caller that folds
    // them (reviews::DocumentPeople), not one that keeps them. Only an
    // approval carries its source, target and hash, which the gate and the
    // manifest need; the others' were most of the read, and are "".
    virtual void read_document_events(std::string_view document_id, std::string_view locale,
                                      const std::function<void(const LogEntry&)>& each) = 0;
    // The latest clinical review of the whole document in `locale`, with its
    // place in the log.
    virtual std::optional<RecordedReview> last_document_review(std::string_view document_id,
                                                               std::string_view locale) = 0;
    // The place in the log of the newest change of any translation of the
    // document in `locale` (0 when there is none); a waiver changes none.
    virtual std::int64_t last_translation_change(std::string_view document_id, std::string_view locale) = 0;
    // The place in the log of its newest entry (0 for an empty log).
    virtual std::int64_t log_position() = 0;
    // The release whose manifest has this hash, with its place in the log.
    virtual std::optional<LogEntry> release_of(std::string_view manifest_sha256) = 0;
    // The log entry at this place, if there is one.
    virtual std::optional<LogEntry> log_entry(std::int64_t id) = 0;
    // Those of `hashes` (hex) that are hashes of log entries: one walk of
    // the log, so that no index of every entry's hash is kept for the few
    // that a manifest cites.
    virtual std::set<std::string> logged_hashes(const std::set<std::string>& hashes) = 0;
    // Walks the whole log (one entry in memory at a time) and the translations.
    virtual AuditReport verify_log() = 0;
    // A second store over the same project, for a thread of its own, that
    // reads the project as it was when this store's write transaction
    // began (the write lock keeps every other writer out), and not what
    // the transaction writes. Only under a write transaction (else it
    // throws std::logic_error); let go before the transaction ends.
    virtual std::unique_ptr<Store> reader_beside() = 0;
    // A second store over the same project, for a thread of its own, while
    // this one is in no transaction: it reads the project as it was at its
    // first read. Only outside a transaction (else std::logic_error).
    virtual std::unique_ptr<Store> reader_apart() = 0;
    // A reader_beside's texts read since the last call (none for others).
    virtual ReadTexts take_read_texts() = 0;
    // Texts a reader_beside of this store read, known by their ids for the
    // rest of the transaction (as far as the store keeps recent texts).
    virtual void adopt_read_texts(const ReadTexts& texts) = 0;
    // verify_log on a reader_beside and a thread of its own, while the
    // caller goes on: a build judges its documents meanwhile, and writes
    // nothing before its release.
    virtual std::unique_ptr<LogVerification> verify_log_beside() = 0;
    virtual std::optional<LogHead> unsigned_head() = 0;
    virtual std::optional<Person> person(std::string_view id) = 0;
    virtual std::vector<Person> people() = 0;
    // The glossary in force: the bytes of the TBX file last imported.
    virtual std::optional<std::string> glossary() = 0;
    // The segmentation rules in force: the bytes of the SRX file last set,
    // or "" when the project cuts sentences by medloc's own rules.
    virtual std::string segmentation_rules() = 0;
    // How many units the memory holds for `target_language`.
    virtual std::int64_t memory_size(std::string_view target_language) = 0;
    // The memory's units for `target_language` whose source plain text is
    // exactly `plain`, newest first.
    virtual std::vector<MemoryUnit> memory_exact(std::string_view plain, std::string_view target_language) = 0;
    // Units for `target_language` whose source shares at least one of the
    // `needed` rarest of `words` (a full-text index, never a scan of the
    // memory), the best ranked first, at most `limit`. Words no unit holds
    // are passed over; so are common ones once the rarer have found enough
    // units to rank, so that the cost stays bounded.
    virtual std::vector<MemoryUnit> memory_candidates(const std::vector<std::string>& words, std::size_t needed,
                                                      std::string_view target_language, int limit) = 0;
    // Every unit for `target_language` (from the project's own approvals
    // only, or all), one at a time, oldest first.
    virtual void each_memory_unit(std::string_view target_language, bool project_only,
                                  const std::function<void(const MemoryUnit&)>& each) = 0;

    // Writing
    // A new version becomes the document's current one; its segments are
    // added next, then listed in order with set_version_segments.
    virtual void add_document_version(const DocumentVersion& version) = 0;
    virtual void set_version_segments(std::string_view document_id, std::int64_t version,
                                      const std::vector<std::string>& segment_ids) = 0;
    // Records that new segmentation rules cut the version exactly as it is
    // cut: it stands, and is not cut again under them.
    virtual void set_version_segmentation(std::string_view document_id, std::int64_t version,
                                          std::string_view segmentation_sha256) = 0;
    virtual void add_segment(const StoredSegment& segment, std::int64_t version) = 0;
    virtual void restore_segment(std::string_view segment_id) = 0;
    virtual void retire_segment(std::string_view segment_id, std::int64_t version) = 0;
    virtual void put_translation(const Translation& translation) = 0;
    // Append to the log; nothing else ever changes it.
    // Each throws ClockWentBack when its time is before the newest entry's.
    virtual void add_event(const Event& event) = 0;
    virtual void add_document_review(const DocumentReview& review) = 0;
    virtual void add_person_change(const PersonChange& change) = 0;
    virtual void add_release(const Release& release) = 0;
    virtual void set_document_folder(std::string_view document_id, std::string_view folder) = 0;
    // Takes the document out of publication and logs why; restore puts it back.
    virtual void retire_document(const Retirement& retirement) = 0;
    virtual void restore_document(std::string_view document_id) = 0;
    virtual void add_signature(const ActSignature& signature) = 0;
    // Makes `tbx` the glossary in force and logs who did (its sha256 must
    // be that of `tbx`); the glossaries before it are kept.
    virtual void put_glossary(const GlossaryImport& import, std::string_view tbx) = 0;
    // Makes `srx` the segmentation rules in force ("" for medloc's own) and
    // logs who did; the rules before are kept.
    virtual void put_segmentation_rules(const SegmentationChange& change, std::string_view srx) = 0;
    // Logs a memory's import; its units are added next (add_memory_unit).
    virtual void add_memory_import(const MemoryImport& import) = 0;
    // Adds a unit to the memory, referring to the newest log entry (the
    // approval or the import that brought it); a unit the memory already
    // holds (same languages, source, target and context) is not added twice.
    virtual void add_memory_unit(const MemoryUnit& unit) = 0;
    // The registry as it stands (the log records why).
    virtual void put_person(const Person& person) = 0;
    virtual void add_failed_attempt(const FailedAttempt& attempt) = 0;
};

// Creates a new project file; refuses a path that already exists.
// Readers never wait for a writer (SQLite's write-ahead log); a writer waits
// up to a minute for another (OpenOptions).
std::unique_ptr<Store> create_project(const std::string& path, ProjectSettings settings, const Clock& clock,
                                      const OpenOptions& options = {});
// Opens an existing project, migrating an older schema; throws NotAProject
// for anything else.
std::unique_ptr<Store> open_project(const std::string& path, const OpenOptions& options = {});

}  // namespace medloc::reviews
