// store: a medloc project, one SQLite file.
//
// The file says it is a medloc project by its application_id ("MLOC") and
// says which schema it has by its user_version; opening it migrates an older
// schema in one transaction, and anything else is refused before a byte is
// written. What the store keeps:
//   setting          project id, source locale, review period
//   target_locale    the locales the project translates into
//   document         each document and its current version
//   document_version the source hash and skeleton of every version extracted
//   segment          every segment ever extracted; retired ones stay, with
//                    the version that retired them and the one they replace
//   version_segment  which segments, in which order, make up each version
//   translation      the target and state of a segment in a locale, who
//                    set it last, and a stale translation kept for reference
//   event            every change of a translation, append-only, each event
//                    chained to the one before by a SHA-256 hash
// Writers call the methods under "Writing" inside one Transaction per logical
// change (an extract run, the import of one file); the caller commits.
#pragma once

#include "reviews/sqlite.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::reviews {

// The file is not a medloc project (or not one this medloc can read).
class NotAProject : public std::runtime_error {
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
};

struct StoredSegment {
    std::string id;
    std::string document_id;
    std::string source;      // inline markup, see xliff/content.h
    std::string plain;
    std::int64_t words = 0;
    std::string kind;
    std::string context;
    std::optional<std::int64_t> retired_in;
    std::optional<std::string> replaces;  // the segment this one is the edited text of
};

// The translation states of DESIGN.md, in workflow order.
inline constexpr const char* kStates[] = {"new", "needs-translation", "translated", "revised", "approved"};

struct DocumentStatus {
    std::string document_id;
    std::string format;
    std::int64_t version = 0;
    std::int64_t segments = 0;
    std::int64_t words = 0;
    // locale -> state -> number of segments
    std::map<std::string, std::map<std::string, std::int64_t>> states;
    // locale -> segments whose source changed under a translation (kept for reference)
    std::map<std::string, std::int64_t> stale;
};

struct Translation {
    std::string segment_id;
    std::string locale;
    std::string state = "new";
    std::optional<std::string> target;  // inline markup, as the source
    std::string updated_at;
    std::string updated_by;
    // The translation of an earlier source text of this segment.
    std::optional<std::string> previous_source;
    std::optional<std::string> previous_target;
};

// One change of a translation, or a review of a whole document (no
// segment): who did what, when, to exactly which text.
struct Event {
    std::string at;
    std::string document_id;
    std::string segment_id;  // empty for a whole document
    std::string locale;
    std::string actor;    // a person's name, or the medloc command
    std::string role;     // translator, reviser, clinical, publisher, system
    std::string meaning;  // "translated", "approved for clinical accuracy", ...
    std::string state;    // the state it leaves the translation in
    std::string source;      // a segment's source, or a document's source hash
    std::optional<std::string> target;
    std::string comment;
    std::string origin;   // the file or command it came from
};

struct StoredEvent {
    std::int64_t id = 0;
    Event event;
    std::string previous_hash;
    std::string hash;
};

// The hash that chains `event` to the one before it.
std::string event_hash(const Event& event, const std::string& previous_hash);

class Store {
public:
    // Creates a new project file; refuses a path that already exists.
    static Store create(const std::string& path, ProjectSettings settings);
    // Opens an existing project; throws NotAProject for anything else.
    static Store open(const std::string& path);

    const ProjectSettings& settings() const { return settings_; }
    Database& database() { return db_; }

    // Reading
    std::optional<DocumentVersion> current_version(std::string_view document_id);
    std::vector<StoredSegment> version_segments(std::string_view document_id, std::int64_t version);
    std::optional<StoredSegment> segment(std::string_view segment_id);
    std::vector<DocumentStatus> status(std::string_view only_locale = {});
    std::vector<std::string> document_ids();
    std::optional<Translation> translation(std::string_view segment_id, std::string_view locale);
    std::vector<Translation> translations_of(std::string_view segment_id);
    // Events in the order they happened: of one segment, or of a document
    // (its segments, retired ones too, and its whole-document reviews);
    // `locale` empty for every locale.
    std::vector<StoredEvent> segment_events(std::string_view segment_id, std::string_view locale);
    std::vector<StoredEvent> document_events(std::string_view document_id, std::string_view locale);
    // Every event in order, one at a time (the log can be long).
    void for_each_event(const std::function<void(const StoredEvent&)>& visit);
    // A translation whose state or target is not what its last event says
    // (an edit outside medloc, or its last event removed), described; or "".
    std::string translation_without_event();
    // The latest clinical review of the whole document in `locale`.
    std::optional<StoredEvent> last_document_review(std::string_view document_id, std::string_view locale);

    // Writing
    // A new version becomes the document's current one; its segments are
    // added next, then listed in order with set_version_segments.
    void add_document_version(const DocumentVersion& version);
    void set_version_segments(std::string_view document_id, std::int64_t version,
                              const std::vector<std::string>& segment_ids);
    void add_segment(const StoredSegment& segment, std::int64_t version, const std::optional<std::string>& replaces);
    void restore_segment(std::string_view segment_id);
    void retire_segment(std::string_view segment_id, std::int64_t version);
    void put_translation(const Translation& translation);
    // Appends to the event log; nothing else ever changes it.
    void add_event(const Event& event);

    // What a whole-document clinical review event says it means.
    static constexpr const char* kDocumentApproval = "approved for clinical accuracy (whole document)";

private:
    explicit Store(Database db);
    void load_settings();

    Database db_;
    ProjectSettings settings_;
};

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_timestamp();

}  // namespace medloc::reviews
