// review.cpp - one review act over its scope (see review.h).
#include "app/review.h"

#include "app/blocker.h"
#include "app/checks.h"
#include "app/decisions.h"
#include "app/document_view.h"
#include "app/leverage.h"
#include "app/project.h"
#include "io/errors.h"
#include "io/progress.h"
#include "locales/locales.h"
#include "read_ahead.h"
#include "signoff.h"

#include <map>
#include <memory>

namespace medloc::pipeline {
namespace {

// The documents in scope; their segments are read one document at a time.
struct Scope {
    reviews::DocumentVersion version;
    std::optional<reviews::StoredSegment> only;  // --segment
    bool whole = false;                          // every segment of the document
};

std::vector<Scope> scope_of(reviews::Store& store, const ReviewRequest& request) {
    std::vector<Scope> scopes;
    if (!request.segment.empty()) {
        const auto segment = store.segment(request.segment);
        if (!segment || segment->retired_in)
            throw InputError("--segment " + request.segment, "no current segment has this id",
                             "take ids from medloc history --doc, or from an exported XLIFF file");
        scopes.push_back({*store.current_version(segment->document_id), *segment, false});
        return scopes;
    }
    const std::vector<std::string> ids = request.all ? store.document_ids() : std::vector{request.document};
    for (const std::string& id : ids) {
        auto version = store.current_version(id);
        if (!version) throw InputError("--doc " + id, "no such document in this project", "see medloc status");
        // A review never needs the skeleton, and those of 10,000 documents
        // were most of the memory of review --all. Swapped out, not
        // assigned: a string assigned an empty one keeps its buffer.
        std::string().swap(version->skeleton);
        scopes.push_back({std::move(*version), std::nullopt, true});
    }
    return scopes;
}

void check_request(const ReviewRequest& request) {
    if ((request.all ? 1 : 0) + !request.document.empty() + !request.segment.empty() != 1)
        throw UsageError("review needs exactly one of --doc ID, --segment ID or --all");
    const bool no_comment = request.comment.find_first_not_of(" \t\n") == std::string::npos;
    if (request.act == reviews::Act::reject && no_comment)
        throw UsageError("a rejection needs --comment saying what is wrong, for the translator");
    if (request.act == reviews::Act::waive && no_comment)
        throw UsageError("a waiver needs --comment giving the reason the target is right as it stands");
    if (request.act == reviews::Act::keep_source && request.segment.empty())
        throw UsageError(
            "review keep-source takes --segment ID: each source text is confirmed as the translation "
            "one segment at a time");
    if (request.check && request.act != reviews::Act::waive)
        throw UsageError("--check names the QA check a waiver is for; only review waive takes it");
}

// The roles this request may be done in.
std::vector<reviews::Role> roles_of(const ReviewRequest& request) {
    return request.role ? std::vector{*request.role} : pipeline::roles_for(request.act);
}

reviews::Role acting_role(const ReviewRequest& request, const reviews::Person& person) {
    for (const reviews::Role role : roles_of(request))
        if (person.holds(role)) return role;
    return roles_of(request).front();
}

// The open QA errors of one target waived, each by a signed event bound to
// the exact source and target text and naming the finding: a changed text
// needs a new waiver. A target without open errors is passed over.
void waive(reviews::Store& store, const reviews::StoredSegment& segment,
           const std::optional<reviews::Translation>& current, const Decision& decision, std::optional<qa::Check> only,
           Checks& checks, const Signer& signer, std::vector<Blocker>& blockers, ReviewOutcome& outcome) {
    std::vector<qa::Finding> open;
    if (current && decision.kind != Decision::Kind::skip)
        for (const SegmentFinding& found : checks.of(segment, *current))
            if (found.blocks() && (!only || found.finding.check == *only)) open.push_back(found.finding);
    if (open.empty()) {
        ++outcome.skipped;
        return;
    }
    if (decision.kind == Decision::Kind::refuse) {
        blockers.push_back({{}, segment.document_id, segment.id, current->state, decision.reason});
        return;
    }
    if (!blockers.empty()) return;
    for (const qa::Finding& finding : open) {
        Change change = reviewed(segment, *current, decision, signer);
        change.event.finding = finding.key();
        store.add_event(change.event);  // the translation itself is as it was
        ++outcome.waived;
    }
    ++outcome.changed;
}

// The source text made the translation, as its author's confirmed work; a
// segment whose translation already is the confirmed source text is passed
// over.
void keep_source(reviews::Store& store, const reviews::StoredSegment& segment, const std::string& locale,
                 const std::optional<reviews::Translation>& current, const reviews::TargetPeople& people,
                 const Decision& decision, const Signer& signer, std::vector<Blocker>& blockers,
                 ReviewOutcome& outcome) {
    const reviews::State state = current ? current->state : reviews::State::new_;
    if (decision.kind == Decision::Kind::refuse) {
        blockers.push_back({{}, segment.document_id, segment.id, state, decision.reason});
        return;
    }
    if (state == reviews::State::translated && people.source_kept) {
        ++outcome.skipped;
        return;
    }
    Change change =
        new_target(segment, locale, segment.source, reviews::State::translated, reviews::Meaning::kept_source, signer);
    if (state == reviews::State::translated)
        change.event.comment = "replaces the translated target" + (signer.comment.empty() ? "" : "; " + signer.comment);
    store_change(store, change);
    ++outcome.changed;
}

// The neighbours' digest of each segment of the scope's document version;
// `in_scope` is the whole version unless the scope is one segment.
std::map<std::string, std::string> contexts_in(reviews::Store& store, const Scope& scope, const std::string& locale,
                                               const std::vector<reviews::TranslatedSegment>& in_scope) {
    std::vector<reviews::TranslatedSegment> version;
    if (scope.only) version = store.version_translations(scope.version.document_id, scope.version.version, locale);
    const std::vector<reviews::TranslatedSegment>& segments = scope.only ? version : in_scope;
    const std::vector<std::string> contexts = contexts_of(segments);
    std::map<std::string, std::string> by_id;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& id = segments[i].segment.id;
        if (!scope.only || id == scope.only->id) by_id.emplace(id, contexts[i]);
    }
    return by_id;
}

// The act signs what the person was shown, or nothing.
void check_shown(reviews::Store& store, const ReviewRequest& request, const Scope& scope, const std::string& locale) {
    if (request.shown.empty()) return;
    const std::string now = scope.only ? segment_fingerprint(*scope.only, store.translation(scope.only->id, locale))
                                       : document_fingerprint(store, scope.version, locale);
    if (now != request.shown)
        throw Refused((scope.only ? "segment " + scope.only->id : "document " + scope.version.document_id) +
                      " changed in " + locale +
                      " since it was shown to you (someone else acted on it); read it again before you sign\n");
}

// Whether a revision or approval of a target in `state` by `who` goes
// ahead, before its QA errors are known; those then may refuse it.
bool applies(const ReviewRequest& request, reviews::State state, const reviews::TargetPeople& people,
             const reviews::Contributor& who, reviews::Role role) {
    return request.act != reviews::Act::reject && request.act != reviews::Act::waive &&
           request.act != reviews::Act::keep_source &&
           decide(request.act, state, people, who, role).kind == Decision::Kind::apply;
}

// What an act reads of one scope before it decides anything: its segments
// with their translations, the people behind them, the neighbours' digests
// approvals remember, and the QA errors of each target the act would
// revise or approve ("" for none; none computed for the others).
struct ReadScope {
    std::vector<reviews::TranslatedSegment> segments;
    std::map<std::string, std::string> contexts;
    std::optional<reviews::DocumentPeople> everyone;
    std::vector<std::optional<std::string>> errors;
};

ReadScope read_scope(reviews::Store& store, Checks& checks, const Scope& scope, const ReviewRequest& request,
                     const std::string& locale, const reviews::Contributor& who, reviews::Role role) {
    ReadScope read;
    read.segments =
        scope.only ? std::vector{reviews::TranslatedSegment{*scope.only, store.translation(scope.only->id, locale)}}
                   : store.version_translations(scope.version.document_id, scope.version.version, locale);
    // Approvals join the memory with their neighbours' digest.
    if (request.act == reviews::Act::approve) read.contexts = contexts_in(store, scope, locale, read.segments);
    if (!scope.only) read.everyone.emplace(store, scope.version.document_id, locale);
    for (const auto& [segment, current] : read.segments) {
        const reviews::State state = current ? current->state : reviews::State::new_;
        const reviews::TargetPeople people =
            read.everyone ? read.everyone->of(segment.id) : reviews::people_of(store, segment.id, locale);
        read.errors.push_back(applies(request, state, people, who, role)
                                  ? std::optional(blocking_reason(checks.of(segment, *current)))
                                  : std::nullopt);
    }
    return read;
}

}  // namespace

std::vector<reviews::Role> roles_for(reviews::Act act) {
    switch (act) {
    case reviews::Act::revise: return {reviews::Role::reviser};
    case reviews::Act::approve: return {reviews::Role::clinical};
    case reviews::Act::reject: return {reviews::Role::clinical, reviews::Role::reviser};
    case reviews::Act::waive: return {reviews::Role::clinical};
    case reviews::Act::keep_source: return {reviews::Role::translator, reviews::Role::reviser};
    }
    return {};
}

reviews::Meaning meaning_of(reviews::Act act) {
    switch (act) {
    case reviews::Act::revise: return reviews::Meaning::revised;
    case reviews::Act::approve: return reviews::Meaning::approved;
    case reviews::Act::reject: return reviews::Meaning::rejected;
    case reviews::Act::waive: return reviews::Meaning::waived;
    case reviews::Act::keep_source: return reviews::Meaning::kept_source;
    }
    return reviews::Meaning::revised;
}

ReviewOutcome review(reviews::Store& store, const ReviewRequest& request, const Services& services) {
    check_request(request);
    ReviewOutcome outcome;
    outcome.locale = target_locale_option(store.settings(), request.locale);
    const std::string act = reviews::to_string(request.act);
    const SignedIn signed_in = sign_in(store, request.credentials, roles_of(request), "review " + act, services.clock);
    const reviews::Role role = acting_role(request, signed_in.person);
    const Signer signer{signed_in.person.name,  signed_in.person.id, {}, role, request.comment,
                        "medloc review " + act, services.clock.now()};
    outcome.actor = signer.actor + " (" + signer.actor_id + ")";

    // Changes are written as they are decided; a single blocker anywhere
    // and the transaction is rolled back, so memory stays flat however many
    // segments are in scope.
    const auto transaction = store.transaction(reviews::Access::write);
    std::vector<Blocker> blockers;
    // The documents' reviews, signed once every segment's change is known.
    std::vector<reviews::DocumentReview> reviewed_whole;
    Checks checks(store, outcome.locale);
    const std::vector<Scope> scopes = scope_of(store, request);
    if (scopes.size() == 1) check_shown(store, request, scopes.front(), outcome.locale);
    else if (!request.shown.empty()) throw UsageError("what was shown names one document or one segment, not --all");
    // Revisions and approvals of many documents read ahead of their writes:
    // what is read of a document never depends on what the act writes of
    // another (segments, their translations and log are the document's own).
    std::optional<ReadAhead<ReadScope>> ahead;
    if (scopes.size() > 1 && (request.act == reviews::Act::revise || request.act == reviews::Act::approve))
        ahead.emplace(store, scopes.size(),
                      [&scopes, &request, locale = outcome.locale, who = signed_in.contributor(),
                       role](reviews::Store& reader) -> ReadAhead<ReadScope>::ReadItem {
                          auto checks = std::make_shared<Checks>(reader, locale);
                          return [&scopes, &request, from = &reader, checks, locale, who, role](std::size_t i) {
                              return read_scope(*from, *checks, scopes[i], request, locale, who, role);
                          };
                      });
    Progress progress(std::string(reviews::to_string(request.act)) + " documents", scopes.size());
    for (const Scope& scope : scopes) {
        progress.at(static_cast<std::size_t>(&scope - scopes.data()) + 1);
        const std::size_t changed_before = outcome.changed;
        const bool signs_document = request.act == reviews::Act::approve && scope.whole;
        bool authored = false;
        // Read before anything is written: each change is of its own
        // segment, and is kept here too (a document's review signs them).
        ReadScope read = ahead
                             ? ahead->next()
                             : read_scope(store, checks, scope, request, outcome.locale, signed_in.contributor(), role);
        for (std::size_t i = 0; i < read.segments.size(); ++i) {
            auto& [segment, current] = read.segments[i];
            const reviews::State state = current ? current->state : reviews::State::new_;
            const reviews::TargetPeople people =
                read.everyone ? read.everyone->of(segment.id) : reviews::people_of(store, segment.id, outcome.locale);
            authored = authored || took_part(people, signed_in.contributor());
            Decision decision = decide(request.act, state, people, signed_in.contributor(), role);
            if (request.act == reviews::Act::waive) {
                waive(store, segment, current, decision, request.check, checks, signer, blockers, outcome);
                continue;
            }
            if (request.act == reviews::Act::keep_source) {
                keep_source(store, segment, outcome.locale, current, people, decision, signer, blockers, outcome);
                continue;
            }
            // QA errors block revision and approval alike.
            if (decision.kind == Decision::Kind::apply && request.act != reviews::Act::reject) {
                const std::string errors =
                    read.errors[i] ? *read.errors[i] : blocking_reason(checks.of(segment, *current));
                if (!errors.empty()) decision = {Decision::Kind::refuse, {}, {}, errors};
            }
            if (decision.kind == Decision::Kind::refuse) {
                blockers.push_back({{}, segment.document_id, segment.id, state, decision.reason});
            } else if (decision.kind == Decision::Kind::skip) {
                ++outcome.skipped;
            } else if (blockers.empty()) {
                Change change = reviewed(segment, *current, decision, signer);
                if (const auto context = read.contexts.find(segment.id); context != read.contexts.end())
                    remember(change, segment, people, store.settings().source_locale, context->second);
                store_change(store, change);
                current = std::move(change.translation);
                ++outcome.changed;
            }
        }
        if (!signs_document) continue;
        // The document's review is four eyes too: by no one who wrote or
        // revised any of its targets. --all signs only the documents this act
        // approved segments of; --doc the document it names.
        if (authored)
            blockers.push_back({{},
                                scope.version.document_id,
                                {},
                                std::nullopt,
                                signer.actor + " wrote or revised targets of this document in " + outcome.locale +
                                    "; its clinical review must be someone else's"});
        else if (!request.all || outcome.changed > changed_before)
            reviewed_whole.push_back(whole_document_review(scope.version, outcome.locale, read.segments, signer));
    }
    ahead.reset();  // its reader goes before the transaction ends
    if (!blockers.empty())
        throw Refused("review " + act + " in " + outcome.locale + " by " + signer.actor + " (" +
                      reviews::to_string(role) + "):" + blocker_lines(blockers) + "\n");

    for (const reviews::DocumentReview& document_review : reviewed_whole) {
        store.add_document_review(document_review);
        const std::string date = signer.at.substr(0, 10);
        outcome.documents.push_back(
            {document_review.document_id, date, locales::add_months(date, store.settings().review_months)});
    }
    if (const auto head = store.unsigned_head()) outcome.last_entry = store.log_entry(head->last_event);
    sign_act(store, signed_in);
    transaction->commit();
    return outcome;
}

}  // namespace medloc::pipeline
