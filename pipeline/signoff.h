// signoff: a change to a translation as it is stored, the new translation
// with the event that records it, shared by `review` and `import`.
#pragma once

#include "reviews/store.h"
#include "reviews/workflow.h"

#include <string>

namespace medloc::pipeline {

struct Signer {
    std::string actor;
    std::string role;
    std::string comment;
    std::string origin;  // the command or file it came from
    std::string at;      // now, UTC
};

struct Change {
    reviews::Translation translation;
    reviews::Event event;
};

// `target` (stored markup) set as the segment's translation in `state`.
Change new_target(const reviews::StoredSegment& segment, const std::string& locale, const std::string& target,
                  const std::string& state, const std::string& meaning, const Signer& signer);

// What an applied review decision does to the current translation: the
// same target in a new state, or, on rejection, the target kept only for
// reference.
Change reviewed(const reviews::StoredSegment& segment, const reviews::Translation& current,
                const reviews::Decision& decision, const Signer& signer);

// The event of a clinical review of the whole document in `locale`, with
// the source hash and a digest of every target the reviewer signed.
reviews::Event whole_document_review(reviews::Store& store, const reviews::DocumentVersion& version,
                                     const std::string& locale, const Signer& signer);

}  // namespace medloc::pipeline
