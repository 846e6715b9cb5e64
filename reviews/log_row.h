// log_row: the log as every backend stores it, one row of text per entry,
// and the check of a whole log. Private to reviews/.
//
// The row form is what is hashed, so it must never change: a project
// written by an older medloc verifies with a newer one. Each field goes into
// the hash with its length in front, so that no two rows hash alike; the
// person ids that schema 3 added, and the waived finding of schema 5, go in
// only when present, so that rows written before them hash as they always did.
#pragma once

#include "reviews/store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace medloc::reviews {

struct LogRow {
    std::int64_t id = 0;
    std::string at;
    std::string document_id;  // "" for a change of the people registry
    std::string segment_id;   // "" for a whole-document review or a registry change
    std::string locale;       // "" for a registry change
    std::string actor;
    std::string actor_id;
    std::string for_id;
    std::string role;
    std::string meaning;
    std::string state;
    std::string source;
    std::optional<std::string> target;
    std::string comment;
    std::string origin;
    std::string finding;  // a waiver's finding (schema 5); "" for every other entry
    // Chains the row to the one before it, whose hash it covers (row_hash):
    // rows are numbered from 1 without a gap, so the one before is id - 1.
    std::string hash;
};

LogRow row_of(const Event& event);
LogRow row_of(const DocumentReview& review);
LogRow row_of(const PersonChange& change);
LogRow row_of(const Release& release);
LogRow row_of(const Retirement& retirement);
LogRow row_of(const GlossaryImport& import);
LogRow row_of(const MemoryImport& import);
LogRow row_of(const SegmentationChange& change);

// How a release names its manifest in the log.
std::string release_source(std::string_view manifest_sha256);

// Throws LogFormatError for a row no medloc writes.
class LogFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
LogEntry entry_of(LogRow row);

// The hash that chains `row` (its fields, not its id or own hash) to
// `previous_hash`.
std::string row_hash(const LogRow& row, const std::string& previous_hash);

// Checks a whole log, fed in order: every row, and each signature right
// after the row it ends on. Stops at the first problem.
//
// Trust starts at the owner: the first registry entry is the owner
// registering themselves, signed with the key it registers. Every later key
// comes from a registry entry signed by a publisher already trusted. Rows
// written before anyone was registered (older projects) carry no person and
// no signature; they are counted, and allowed only before the first
// registry entry. After it, every row names its person, and every act ends
// with that person's signature over the chain.
class LogCheck {
public:
    explicit LogCheck(std::string project_id) : project_id_(std::move(project_id)) {}

    void add(const LogRow& row);
    void add_signature(const ActSignature& signature);
    // The end of the log: nothing may be left unsigned.
    void finish();
    // The registry as stored must be what the log made it.
    void check_registry(const std::vector<Person>& people);

    const std::string& problem() const { return report_.problem; }
    const AuditReport& report() const { return report_; }

private:
    struct Key {
        std::string name;
        std::string public_key;
        std::vector<Role> roles;
        bool disabled = false;
    };
    // The rows of the act the next signature must close, in a size that
    // does not grow with the act: approving a whole corpus is one act.
    struct PendingAct {
        std::int64_t first_id = 0, last_id = 0;  // 0: no row waits for a signature
        std::string last_hash;
        std::vector<std::pair<std::string, std::int64_t>> actors;    // each person named, with their first row
        std::vector<std::pair<std::int64_t, PersonChange>> changes;  // the registry changes, by row
    };

    void fail(std::string problem);
    void check_row(const LogRow& row);
    const Key* signer_key(const std::string& signer_id) const;
    void apply(const PersonChange& change);

    std::string project_id_;
    AuditReport report_;
    std::string previous_hash_;
    std::string previous_at_;
    std::int64_t previous_id_ = 0;
    bool people_started_ = false;
    PendingAct pending_;
    std::map<std::string, Key> keys_;
};

}  // namespace medloc::reviews
