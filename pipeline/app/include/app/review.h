// review: revise, approve or reject translations, as one act.
//
// Every segment in scope is decided (decisions.h) and changed, each with its
// event, in one transaction; if any is refused, every blocker is listed and
// the transaction rolled back: nothing changes. Approving a whole document
// (--doc or --all) also records the document's clinical review, from which
// its review date and next review are counted.
#pragma once

#include "app/people.h"
#include "app/services.h"
#include "qa/qa.h"
#include "reviews/store.h"

#include <optional>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct ReviewRequest {
    reviews::Act act = reviews::Act::revise;
    std::string locale;    // as the person gave it
    std::string document;  // exactly one of document, segment, all
    std::string segment;
    bool all = false;
    Credentials credentials;
    // The role the person acts in; by default the one the act takes (revise:
    // reviser, approve: clinical, reject: clinical if they hold it, else reviser).
    std::optional<reviews::Role> role;
    std::string comment;
    // waive: only the errors of this check (all open errors otherwise).
    std::optional<qa::Check> check;
    // What the person was shown (document_view.h): the segment's
    // fingerprint, or the document's for --doc. When given, the act is
    // refused if what it would sign changed since it was shown.
    std::string shown;
};

struct ReviewedDocument {
    std::string document_id;
    std::string reviewed;  // YYYY-MM-DD
    std::string next_due;
};

struct ReviewOutcome {
    std::string actor;  // who reviewed, as the log names them
    std::string locale;
    std::size_t changed = 0;
    std::size_t skipped = 0;
    std::size_t waived = 0;                   // waive: the QA errors waived
    std::vector<ReviewedDocument> documents;  // whole-document clinical reviews recorded
    // The act's last entry in the log, which its signature covers (with
    // every entry before it): shown to the person as their recorded signature.
    std::optional<reviews::LogEntry> last_entry;
};

// The roles an act may be done in, the first preferred (revise: reviser,
// approve and waive: clinical, reject: clinical or reviser).
std::vector<reviews::Role> roles_for(reviews::Act act);

// What signing an act means, as the log records it: "revised", "approved",
// "rejected", "waived"; a document's sign-off (approve --doc) also
// records reviews::kDocumentReviewMeaning.
reviews::Meaning meaning_of(reviews::Act act);

// Throws UsageError, InputError (an unknown document or segment) or Refused.
ReviewOutcome review(reviews::Store& store, const ReviewRequest& request, const Services& services);

}  // namespace medloc::pipeline
