// review.cpp - `medloc review revise|approve|reject`: sign-off by reviewers.
//
// Every segment in scope is decided (reviews/workflow.h) and changed, each
// with its event, in one transaction; if any is refused, the command lists
// them all and the transaction is rolled back: nothing changes. Approving a whole
// document (--doc or --all) also records the document's clinical review,
// from which its review date and next review are counted.
#include "pipeline/commands.h"
#include "pipeline/errors.h"
#include "pipeline/project.h"
#include "pipeline/signoff.h"
#include "locales/locales.h"
#include "reviews/store.h"
#include "reviews/workflow.h"

#include <ostream>

namespace medloc::pipeline {
namespace {

reviews::Act act_named(const std::string& name) {
    if (name == "revise") return reviews::Act::revise;
    if (name == "approve") return reviews::Act::approve;
    if (name == "reject") return reviews::Act::reject;
    throw UsageError("review " + name + ": the acts are revise, approve and reject");
}

const char* past_tense(reviews::Act act) {
    switch (act) {
    case reviews::Act::revise: return "revised";
    case reviews::Act::approve: return "approved";
    case reviews::Act::reject: return "rejected";
    }
    return "";
}

// The documents in scope; their segments are read one document at a time.
struct Scope {
    reviews::DocumentVersion version;
    std::optional<reviews::StoredSegment> only;  // --segment
    bool whole = false;                          // every segment of the document
};

std::vector<Scope> scope_of(reviews::Store& store, const ReviewOptions& options) {
    std::vector<Scope> scopes;
    if (!options.segment.empty()) {
        const auto segment = store.segment(options.segment);
        if (!segment || segment->retired_in)
            throw InputError("--segment " + options.segment, "no current segment has this id",
                             "take ids from medloc history --doc, or from an exported XLIFF file");
        scopes.push_back({*store.current_version(segment->document_id), *segment, false});
        return scopes;
    }
    const std::vector<std::string> ids = options.all ? store.document_ids() : std::vector{options.document};
    for (const std::string& id : ids) {
        const auto version = store.current_version(id);
        if (!version) throw InputError("--doc " + id, "no such document in this project", "see medloc status");
        scopes.push_back({*version, std::nullopt, true});
    }
    return scopes;
}

}  // namespace

int run_review(const std::string& db_path, const ReviewOptions& options, std::ostream& out) {
    const reviews::Act act = act_named(options.act);
    if ((options.all ? 1 : 0) + !options.document.empty() + !options.segment.empty() != 1)
        throw UsageError("review needs exactly one of --doc ID, --segment ID or --all");
    if (options.actor.find_first_not_of(" \t") == std::string::npos)
        throw UsageError("--as needs the reviewer's name");
    if (act == reviews::Act::reject && options.comment.find_first_not_of(" \t\n") == std::string::npos)
        throw UsageError("a rejection needs --comment saying what is wrong, for the translator");
    reviews::Store store = reviews::Store::open(db_path);
    const std::string locale = target_locale_option(store.settings(), options.locale);
    const Signer signer{options.actor, options.role, options.comment, "medloc review " + options.act,
                        reviews::utc_timestamp()};

    // Changes are written as they are decided; a single blocker anywhere
    // and the transaction is rolled back, so memory stays flat however many
    // segments are in scope.
    reviews::Transaction transaction(store.database());
    std::size_t changed = 0;
    std::string blockers;
    std::size_t skipped = 0;
    const std::vector<Scope> scopes = scope_of(store, options);
    for (const Scope& scope : scopes) {
        const std::vector<reviews::StoredSegment> segments =
            scope.only ? std::vector{*scope.only} : store.version_segments(scope.version.document_id, scope.version.version);
        for (const reviews::StoredSegment& segment : segments) {
            const auto current = store.translation(segment.id, locale);
            const std::string state = current ? current->state : "new";
            const reviews::Decision decision =
                reviews::decide(act, state, reviews::people_of(store, segment.id, locale), options.actor, options.role);
            if (decision.kind == reviews::Decision::Kind::refuse)
                blockers += "\n  " + segment.document_id + "  " + segment.id + "  " + state + ": " + decision.reason;
            else if (decision.kind == reviews::Decision::Kind::skip)
                ++skipped;
            else if (blockers.empty()) {
                const Change change = reviewed(segment, *current, decision, signer);
                store.put_translation(change.translation);
                store.add_event(change.event);
                ++changed;
            }
        }
    }
    if (!blockers.empty())
        throw Refused("review " + options.act + " in " + locale + " by " + options.actor + " (" + options.role +
                      "):" + blockers + "\n");

    out << options.act << " in " << locale << ": " << changed << " segment(s) " << past_tense(act) << ", "
        << skipped << " left as they were\n";
    if (act == reviews::Act::approve)
        for (const Scope& scope : scopes) {
            if (!scope.whole) continue;
            store.add_event(whole_document_review(store, scope.version, locale, signer));
            const std::string date = signer.at.substr(0, 10);
            out << scope.version.document_id << ": clinical review " << date << " by " << options.actor
                << ", next review due " << locales::add_months(date, store.settings().review_months) << "\n";
        }
    transaction.commit();
    return 0;
}

}  // namespace medloc::pipeline
