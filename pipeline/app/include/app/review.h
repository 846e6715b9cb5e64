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
    std::size_t waived = 0;  // waive: the QA errors waived
    std::vector<ReviewedDocument> documents;  // whole-document clinical reviews recorded
};

// Throws UsageError, InputError (an unknown document or segment) or Refused.
ReviewOutcome review(reviews::Store& store, const ReviewRequest& request, const Services& services);

}  // namespace medloc::pipeline
