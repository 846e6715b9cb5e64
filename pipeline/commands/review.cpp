// review.cpp - `medloc review revise|approve|reject|waive|keep-source`:
// sign-off by reviewers, QA errors waived by clinicians, and source texts
// confirmed as their own translation by translators and revisers.
#include "app/review.h"
#include "commands.h"
#include "io/errors.h"

#include <ostream>

namespace medloc::pipeline {
namespace {

// What each act did, in the order of reviews::Act.
constexpr const char* kPastTense[] = {"revised", "approved", "rejected", "with QA errors waived",
                                      "kept as their source text, confirmed"};

}  // namespace

int run_review(const Context& context, const ReviewOptions& options) {
    const auto act = reviews::parse_act(options.act);
    if (!act)
        throw UsageError("review " + options.act + ": the acts are revise, approve, reject, waive and keep-source");
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
    if (!options.check.empty()) {
        request.check = qa::parse_check(options.check);
        if (!request.check) {
            std::string checks;
            for (const qa::Check check : qa::kChecks)
                checks += std::string(checks.empty() ? "" : ", ") + qa::to_string(check);
            throw UsageError("--check " + options.check + ": the checks are " + checks);
        }
    }
    const ReviewOutcome outcome = review(*store, request, context.services);
    context.out << options.act << " in " << outcome.locale << " by " << outcome.actor << ": " << outcome.changed
                << " segment(s) " << kPastTense[static_cast<int>(*act)] << ", " << outcome.skipped
                << " left as they were";
    if (*act == reviews::Act::waive) context.out << " (" << outcome.waived << " QA error(s) waived)";
    context.out << "\n";
    for (const ReviewedDocument& document : outcome.documents)
        context.out << document.document_id << ": clinical review " << document.reviewed << " by " << outcome.actor
                    << ", next review due " << document.next_due << "\n";
    return 0;
}

}  // namespace medloc::pipeline
