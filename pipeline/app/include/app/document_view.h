// document_view: one document in one locale as a reviewer reads it before
// signing: every segment of its current version with its target, state and
// QA findings, the translation of an earlier source kept beside a changed
// one, and where the document's clinical review stands. The workspace's
// review page and the printed review packet show this same view.
#pragma once

#include "app/checks.h"
#include "app/project.h"
#include "reviews/store.h"

#include <optional>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct SegmentView {
    reviews::StoredSegment segment;
    std::optional<reviews::Translation> translation;
    reviews::State state = reviews::State::new_;
    std::vector<SegmentFinding> findings;
    // What was shown of it: signing it signs exactly this (ReviewRequest::shown).
    std::string fingerprint;
};

struct DocumentView {
    reviews::DocumentVersion version;
    std::string locale;
    std::vector<SegmentView> segments;
    ReviewStanding review;
    std::size_t open_errors = 0;
    std::size_t approved = 0;
    // What was shown of the whole document: its version and every
    // segment's state and target. A sign-off of the document names it, and is
    // refused when the document changed since.
    std::string fingerprint;
};

// Throws UsageError (a locale not of the project) or InputError (no such document).
DocumentView document_view(reviews::Store& store, const std::string& document_id, const std::string& locale,
                           const std::string& as_of);

// The fingerprint of one segment's translation as shown.
std::string segment_fingerprint(const reviews::StoredSegment& segment,
                                const std::optional<reviews::Translation>& translation);

// The fingerprint of a document in a locale as it stands.
std::string document_fingerprint(reviews::Store& store, const reviews::DocumentVersion& version,
                                 const std::string& locale);

}  // namespace medloc::pipeline
