// checks: the clinical checks (qa/) as the workflow applies them.
//
// One place decides what a target's findings are and which of them are
// waived: `medloc check`, the import summary, the notes of an export, and
// the gates of revision, approval and build all ask it. An error blocks
// until a clinician who is not an author of the target waives it for that
// exact source and target text; a warning never blocks.
#pragma once

#include "qa/qa.h"
#include "reviews/store.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct SegmentFinding {
    qa::Finding finding;
    std::optional<reviews::Event> waiver;  // the waiver that covers it

    bool blocks() const { return finding.severity == qa::Severity::error && !waiver; }
};

// A target with what its checks need of the project read: Checks::findings
// then reads nothing of it, and can run on a thread beside the store's.
struct PreparedTarget {
    bool checked = false;                        // false: no target, or untranslated: nothing to check
    std::string plain;                           // the target's plain text
    std::optional<std::string> pseudo_original;  // of a pseudo-translation
    bool keep_as_source = false;
};

// The checks of one locale's targets in a project, for one act.
class Checks {
public:
    Checks(reviews::Store& store, std::string locale);
    ~Checks();

    // The findings of a segment's target (none without one), waivers applied.
    std::vector<SegmentFinding> of(const reviews::StoredSegment& segment, const reviews::Translation& translation);

    // `of` in three steps, the middle one free of the store: prepare and
    // waive on the store's thread; findings on any one thread at a time.
    PreparedTarget prepare(const reviews::StoredSegment& segment, const reviews::Translation& translation);
    std::vector<qa::Finding> findings(const reviews::StoredSegment& segment, const PreparedTarget& target) const;
    std::vector<SegmentFinding> waive(const reviews::StoredSegment& segment, const reviews::Translation& translation,
                                      std::vector<qa::Finding> findings);
    // The plain text of a stored target.
    static std::string plain_target(const reviews::Translation& translation);

private:
    bool kept_as_source(const reviews::StoredSegment& segment);
    bool keep_as_source(const reviews::StoredSegment& segment, const reviews::Translation& translation,
                        const std::string& target);
    std::vector<reviews::Event> waivers(const reviews::StoredSegment& segment, const reviews::Translation& translation);

    reviews::Store& store_;
    std::string locale_;
    std::unique_ptr<qa::Checker> checker_;
    // A pseudo-translation (export --pseudo) is checked as the source text
    // it was made from: a number changed in it is found as in any target.
    std::unique_ptr<qa::Checker> pseudo_checker_;
    // The document last asked about: which of its segments stay as source.
    std::string kept_document_;
    std::map<std::string, bool> kept_;
};

// The open errors of a segment (blocking), as a blocker's reason.
std::string blocking_reason(const std::vector<SegmentFinding>& findings);

// `medloc check`: every finding of a locale's targets.
struct CheckRequest {
    std::string locale;    // as the person gave it
    std::string document;  // "" for every document in publication
};

struct CheckedSegment {
    reviews::StoredSegment segment;
    reviews::State state = reviews::State::new_;
    std::string target;  // plain text
    std::vector<SegmentFinding> findings;
};

struct CheckOutcome {
    std::string locale;
    std::size_t documents = 0;
    std::size_t targets = 0;  // targets checked
    std::size_t errors = 0;   // open: not waived
    std::size_t waived = 0;
    std::size_t warnings = 0;
    std::vector<CheckedSegment> segments;  // those with findings, in document order
};

// Throws UsageError (a locale not of the project), InputError (--doc unknown).
CheckOutcome check_locale(reviews::Store& store, const CheckRequest& request);

}  // namespace medloc::pipeline
