// review.cpp - `medloc review revise|approve|reject`: sign-off by reviewers.
#include "app/review.h"
#include "commands.h"
#include "io/errors.h"

#include <ostream>

namespace medloc::pipeline {
namespace {

// What each act did, in the order of reviews::Act.
constexpr const char* kPastTense[] = {"revised", "approved", "rejected"};

}  // namespace

int run_review(const Context& context, const ReviewOptions& options) {
    const auto act = reviews::parse_act(options.act);
    if (!act) throw UsageError("review " + options.act + ": the acts are revise, approve and reject");
    const auto store = open_project(context);
    ReviewRequest request;
    request.act = *act;
    request.locale = options.locale;
    request.document = options.document;
    request.segment = options.segment;
    request.all = options.all;
    request.credentials = credentials(context);
    if (!options.role.empty()) request.role = role_option(options.role);
    request.comment = options.comment;
    const ReviewOutcome outcome = review(*store, request, context.services);
    context.out << options.act << " in " << outcome.locale << " by " << outcome.actor << ": " << outcome.changed
                << " segment(s) " << kPastTense[static_cast<int>(*act)] << ", " << outcome.skipped
                << " left as they were\n";
    for (const ReviewedDocument& document : outcome.documents)
        context.out << document.document_id << ": clinical review " << document.reviewed << " by " << outcome.actor
                    << ", next review due " << document.next_due << "\n";
    return 0;
}

}  // namespace medloc::pipeline
