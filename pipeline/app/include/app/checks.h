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

// The checks of one locale's targets in a project, for one act.
class Checks {
public:
    Checks(reviews::Store& store, std::string locale);
    ~Checks();

    // The findings of a segment's target (none without one), waivers applied.
    std::vector<SegmentFinding> of(const reviews::StoredSegment& segment, const reviews::Translation& translation);
    // How many errors of these targets (a document version's, as read by
    // Store::version_translations) are open (not waived).
    std::size_t open_errors(const std::vector<reviews::TranslatedSegment>& segments);
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
