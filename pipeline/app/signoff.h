// signoff: a change to a translation as it is stored, the new translation
// with the event that records it, built the same way by review and import.
// Private to app/.
#pragma once

#include "app/decisions.h"
#include "reviews/people.h"
#include "reviews/store.h"

#include <optional>
#include <string>

namespace medloc::pipeline {

// Who an act's entries name: the signed-in person (and, for an import done
// for someone else, that person), in the role they act in.
struct Signer {
    std::string actor;     // printed name
    std::string actor_id;  // registered id
    std::string for_id;    // import --for
    reviews::Role role = reviews::Role::translator;
    std::string comment;
    std::string origin;  // the command or file it came from
    std::string at;      // now, UTC
};

struct Change {
    reviews::Translation translation;
    reviews::Event event;
    // An approved translation joins the project's memory (memory.h).
    std::optional<reviews::MemoryUnit> remembered;
};

// `target` (stored markup) set as the segment's translation in `state`.
Change new_target(const reviews::StoredSegment& segment, const std::string& locale, const std::string& target,
                  reviews::State state, reviews::Meaning meaning, const Signer& signer);

// What an applied review decision does to the current translation: the
// same target in a new state, or, on rejection, the target kept only for
// reference.
Change reviewed(const reviews::StoredSegment& segment, const reviews::Translation& current, const Decision& decision,
                const Signer& signer);

// The digest of every current target of a document version in a locale
// (Store::version_translations): what a document review signs, and what must
// still hold for it to stand.
std::string targets_hash(const std::vector<reviews::TranslatedSegment>& segments);

// A clinical review of the whole document in `locale`, with the source hash
// and a digest of every target the reviewer signed: `segments`, the
// version's translations as they now stand in the transaction.
reviews::DocumentReview whole_document_review(const reviews::DocumentVersion& version, const std::string& locale,
                                              const std::vector<reviews::TranslatedSegment>& segments,
                                              const Signer& signer);

// An approval remembered: the target as the memory keeps it, with its
// translator (the first author), its approver and its neighbours' digest
// (leverage.h, context_of).
void remember(Change& change, const reviews::StoredSegment& segment, const reviews::TargetPeople& people,
              const std::string& source_locale, const std::string& context);

// Stores a change: the translation and its event (and, for an approval,
// the memory's new unit).
void store_change(reviews::Store& store, const Change& change);

}  // namespace medloc::pipeline
