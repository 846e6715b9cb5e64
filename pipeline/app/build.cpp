// build.cpp - the gate, the documents and the manifest (see build.h).
#include "app/build.h"

#include "app/checks.h"
#include "app/project.h"
#include "bundle/bundle_folder.h"
#include "bundle/localized.h"
#include "bundle/read_back.h"
#include "extract/source.h"
#include "io/errors.h"
#include "io/progress.h"
#include "locales/names.h"
#include "reviews/hash.h"
#include "reviews/people.h"

#include <nlohmann/json.hpp>

#include <exception>
#include <map>
#include <optional>
#include <set>

namespace medloc::pipeline {
namespace {

using reviews::State;

std::string why_not_approved(const reviews::StoredSegment& segment, State state,
                             const std::optional<reviews::Translation>& translation) {
    if (state == State::translated) return "not revised and approved yet";
    if (state == State::revised) return "not approved by a clinical reviewer yet";
    if (translation && translation->previous_target)
        return translation->previous_source == segment.source ? "rejected, to be translated again"
                                                              : "the source changed since it was translated";
    return "not translated yet";
}

// A signature as the manifest cites it.
struct Signature {
    std::string name;
    reviews::Role role = reviews::Role::system;
    std::string meaning;
    std::string at;
    std::string hash;  // of its entry in the log
};

// Everyone whose work is in a document, by role, for the manifest.
struct Credits {
    ReviewStanding review;  // the document's clinical review, as the gate judged it
    std::set<std::string> translators, revisers, clinicians;
    // The signatures that release the document: its clinical review first,
    // then each approver's newest approval, with the log entry's hash.
    std::map<std::string, Signature> signatures;
};

// One segment against the gate; its people go into the credits.
void check_segment(const reviews::StoredSegment& segment, const std::optional<reviews::Translation>& translation,
                   const reviews::DocumentPeople& everyone, Checks& checks, Credits& credits,
                   std::vector<Blocker>& blockers) {
    const State state = translation ? translation->state : State::new_;
    const auto block = [&](std::string reason) {
        blockers.push_back({{}, segment.document_id, segment.id, state, std::move(reason)});
    };
    if (state != State::approved) return block(why_not_approved(segment, state, translation));
    const reviews::TargetPeople people = everyone.of(segment.id);
    const std::optional<reviews::Event>& approval = people.approval;
    if (!approval) block("approved, but no approval is on record");
    else if (approval->source != segment.source) block("approved for a different source text");
    else if (approval->target != translation->target) block("approved for a different target text");
    if (std::string errors = blocking_reason(checks.of(segment, *translation)); !errors.empty())
        block(std::move(errors));
    for (const reviews::Contributor& author : people.authors) credits.translators.insert(author.name);
    if (people.reviser) credits.revisers.insert(people.reviser->name);
    if (approval) {
        credits.clinicians.insert(approval->actor);
        Signature& newest = credits.signatures[approval->actor_id + '\0' + approval->actor];
        if (newest.at.empty() || newest.at <= approval->at)
            newest = {approval->actor, approval->role, reviews::to_string(approval->meaning), approval->at,
                      people.approval_hash};
    }
}

// One document against the gate, reading each segment's history once: for
// the gate and for the credits alike.
Credits check_document(reviews::Store& store, Checks& checks, const reviews::DocumentVersion& version,
                       const std::vector<reviews::TranslatedSegment>& segments, const std::string& locale,
                       const std::string& as_of, std::vector<Blocker>& blockers) {
    Credits credits;
    const reviews::DocumentPeople everyone(store, version.document_id, locale);
    for (const auto& [segment, translation] : segments)
        check_segment(segment, translation, everyone, checks, credits, blockers);
    const auto recorded = store.last_document_review(version.document_id, locale);
    if (recorded)
        credits.signatures["\1review"] = {recorded->review.actor, recorded->review.role,
                                          reviews::kDocumentReviewMeaning, recorded->review.at, recorded->hash};
    credits.review = review_standing(store, version, segments, recorded, as_of);
    const ReviewStanding& review = credits.review;
    if (review.standing == Standing::not_reviewed)
        blockers.push_back(
            {{}, version.document_id, {}, std::nullopt, "no clinical review of the whole document on record"});
    else if (review.standing == Standing::withdrawn)
        blockers.push_back({{},
                            version.document_id,
                            {},
                            std::nullopt,
                            "the clinical review of " + review.last_reviewed + " by " + review.reviewer +
                                " is withdrawn: " + review.withdrawn_because + "; a clinician must review it again"});
    else if (review.standing == Standing::expired)
        blockers.push_back({{},
                            version.document_id,
                            {},
                            std::nullopt,
                            "the clinical review of " + review.last_reviewed + " expired on " + review.next_due});
    return credits;
}

nlohmann::ordered_json signatures_of(const Credits& credits) {
    nlohmann::ordered_json signatures = nlohmann::ordered_json::array();
    for (const auto& [who, signature] : credits.signatures)
        signatures.push_back({{"name", signature.name},
                              {"role", reviews::to_string(signature.role)},
                              {"meaning", signature.meaning},
                              {"at", signature.at},
                              {"event", signature.hash}});
    return signatures;
}

nlohmann::ordered_json manifest_entry(const reviews::DocumentVersion& version, const std::string& bytes,
                                      const Credits& credits, const ReviewStanding& review) {
    return {{"id", version.document_id},
            {"format", version.format},
            {"version", version.version},
            {"source_sha256", version.source_sha256},
            {"output_sha256", reviews::sha256_hex(bytes)},
            {"translators", credits.translators},
            {"revisers", credits.revisers},
            {"clinical_reviewers", credits.clinicians},
            {"last_reviewed", review.last_reviewed},
            {"reviewed_by", review.reviewer},
            {"next_review_due", review.next_due},
            {"signatures", signatures_of(credits)}};
}

// The manifest, written as its documents are built: the whole of it held
// as JSON values took thousands of bytes per document, most of a large
// build's memory. Its text is what `dump(2)` writes of the whole.
class ManifestText {
public:
    void add_document(const nlohmann::ordered_json& entry) {
        text_ += documents_++ == 0 ? "\n    " : ",\n    ";
        append_nested(entry, 2);
    }
    // The manifest's bytes: `head`, the fields that come before the
    // documents (known once the log has verified), put in front of them;
    // then what the release takes out.
    std::string finish(const nlohmann::ordered_json& head, const nlohmann::ordered_json& removed) {
        std::string front = head.dump(2);
        front.resize(front.size() - 2);  // its closing "\n}"
        front += ",\n  \"documents\": [";
        text_.insert(0, front);
        text_ += documents_ == 0 ? "],\n  \"removed\": " : "\n  ],\n  \"removed\": ";
        append_nested(removed, 1);
        text_ += "\n}\n";
        return std::move(text_);
    }

private:
    // `value` as it is written `depth` levels deep: each of its lines after
    // the first indented two spaces a level. A JSON string holds no raw
    // line break, so each one is between lines of the value.
    void append_nested(const nlohmann::ordered_json& value, int depth) {
        const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
        for (const char c : value.dump(2)) {
            text_ += c;
            if (c == '\n') text_ += indent;
        }
    }

    std::string text_;
    std::size_t documents_ = 0;
};

// The built document read again with its source's filter: text that no
// approved target accounts for blocks the bundle, with its place.
void read_back(const reviews::DocumentVersion& version, const LocalizedDocument& document,
               std::vector<Blocker>& blockers) {
    const auto format = format_named(version.format);
    if (!format) {
        blockers.push_back({{}, version.document_id, {}, std::nullopt, "has the unknown format " + version.format});
        return;
    }
    for (const UnsignedText& text : unsigned_text(document.bytes, *format, document.targets_shown))
        blockers.push_back({{},
                            version.document_id,
                            {},
                            std::nullopt,
                            "the built document has text no approved target accounts for, at line " +
                                std::to_string(text.line) + ", column " + std::to_string(text.column) + ": \"" +
                                locales::visible(text.text.substr(0, 120)) + "\"; the extraction missed it"});
}

// The bundle, written document by document while the gate passes. A folder
// that cannot be written is told only once the whole gate has passed: a
// blocked build lists its blockers, wherever it was asked to write.
class BundleWriter {
public:
    BundleWriter(reviews::Store& store, const BuildRequest& request, const Services& services, BuildOutcome& outcome)
        : store_(store), request_(request), services_(services), outcome_(outcome), built_at_(services.clock.now()) {}

    // Rebuilds `version` from `segments`, reads it back and writes it. An
    // error stops the writing, and is thrown by release(): only if the
    // gate passes, as a build that writes after the whole gate would.
    void add(const reviews::DocumentVersion& version, const std::vector<reviews::TranslatedSegment>& segments,
             const Credits& credits) {
        if (failed_) return;
        try {
            const LocalizedDocument document = localized_document(version, segments, outcome_.locale);
            read_back(version, document, unsigned_text_);
            if (!folder_) folder_.emplace(request_.out_dir, outcome_.locale, services_.files);
            folder_->write(version.document_id, document.bytes);
            manifest_.add_document(manifest_entry(version, document.bytes, credits, credits.review));
            outcome_.documents.push_back(
                {version.document_id, version.version, credits.review.last_reviewed, credits.review.next_due});
        } catch (...) {
            failed_ = std::current_exception();
        }
    }

    // Releases the bundle, all of whose documents were added, under the
    // owner the verified `log` names; or returns the text the bundle's
    // documents have that no approved target accounts for, and writes
    // nothing.
    void release(const SignedIn& publisher, const reviews::AuditReport& log, reviews::Transaction& transaction) {
        if (failed_) std::rethrow_exception(failed_);
        if (!unsigned_text_.empty()) {
            outcome_.blockers = std::move(unsigned_text_);
            return;  // the half-built folder goes with `folder_`
        }
        // What this release takes out: documents retired since the last
        // release of the locale.
        nlohmann::ordered_json removed = nlohmann::ordered_json::array();
        for (const reviews::Retirement& retired : store_.retired_since_release(outcome_.locale))
            removed.push_back({{"id", retired.document_id},
                               {"version", retired.version},
                               {"retired_at", retired.at},
                               {"retired_by", retired.actor}});
        const std::string manifest_bytes = manifest_.finish(manifest_head(log), removed);
        folder_->write("manifest.json", manifest_bytes);
        // The release is recorded and signed before the bundle is swapped
        // in: a published bundle always has its release in the log.
        reviews::Release release;
        release.at = services_.clock.now();
        release.actor = publisher.person.name;
        release.actor_id = publisher.person.id;
        release.locale = outcome_.locale;
        release.manifest_sha256 = reviews::sha256_hex(manifest_bytes);
        release.origin = "medloc build";
        store_.add_release(release);
        sign_act(store_, publisher);
        transaction.commit();
        outcome_.manifest_sha256 = release.manifest_sha256;
        outcome_.released_by = publisher.person.name + " (" + publisher.person.id + ")";
        outcome_.bundle = folder_->swap_into_place().string();
    }

private:
    nlohmann::ordered_json manifest_head(const reviews::AuditReport& log) const {
        const reviews::ProjectSettings& settings = store_.settings();
        nlohmann::ordered_json head;
        head["project"] = settings.project_id;
        head["locale"] = outcome_.locale;
        head["source_locale"] = settings.source_locale;
        head["built_at"] = built_at_;
        head["as_of"] = outcome_.as_of;
        head["owner"] = log.owner_id;
        head["owner_key_fingerprint"] = log.owner_fingerprint;
        return head;
    }

    reviews::Store& store_;
    const BuildRequest& request_;
    const Services& services_;
    BuildOutcome& outcome_;
    const std::string built_at_;
    std::optional<BundleFolder> folder_;
    ManifestText manifest_;
    std::exception_ptr failed_;
    std::vector<Blocker> unsigned_text_;
};

}  // namespace

BuildOutcome build_bundle(reviews::Store& store, const BuildRequest& request, const Services& services) {
    BuildOutcome outcome;
    outcome.locale = target_locale_option(store.settings(), request.locale);
    outcome.as_of = services.clock.today();
    const SignedIn publisher = sign_in(store, request.credentials, {reviews::Role::publisher}, "build", services.clock);

    // One consistent view of the project, in which the release is recorded.
    const auto transaction = store.transaction(reviews::Access::write);
    const std::vector<std::string> document_ids = store.document_ids();
    if (document_ids.empty()) throw InputError("the project", "has no documents", "extract some first");
    // The log must verify: a forged or edited entry blocks the bundle. It
    // is verified beside the documents (half of the build's time alone),
    // and listed after their blockers.
    const auto log_verification = store.verify_log_beside();
    // Each document is read once, judged, and written to the building
    // folder while nothing blocks the bundle. Its version is read where it
    // is used: 10,000 skeletons held at once were most of the build's memory.
    Checks checks(store, outcome.locale);  // one checker for the build
    BundleWriter bundle(store, request, services, outcome);
    Progress progress("building", document_ids.size());
    for (std::size_t i = 0; i < document_ids.size(); ++i) {
        progress.at(i + 1);
        const reviews::DocumentVersion version = *store.current_version(document_ids[i]);
        // The id is where the bundle writes the document: a plain path inside it.
        if (const std::string problem = document_id_problem(version.document_id); !problem.empty())
            outcome.blockers.push_back({{}, locales::visible(version.document_id), {}, std::nullopt, problem});
        const std::vector<reviews::TranslatedSegment> segments =
            store.version_translations(version.document_id, version.version, outcome.locale);
        const Credits credits =
            check_document(store, checks, version, segments, outcome.locale, outcome.as_of, outcome.blockers);
        if (outcome.blockers.empty()) bundle.add(version, segments, credits);
    }
    const reviews::AuditReport log = log_verification->report();
    if (!log.intact())
        outcome.blockers.push_back({{}, "(the event log)", {}, std::nullopt, "does not verify: " + log.problem});
    else if (log.owner_id.empty())
        outcome.blockers.push_back({{},
                                    "(the event log)",
                                    {},
                                    std::nullopt,
                                    "no owner is registered, so nothing in it is signed; register the project's "
                                    "owner with medloc init --owner ID --name NAME"});
    if (outcome.blockers.empty()) bundle.release(publisher, log, *transaction);
    return outcome;
}

}  // namespace medloc::pipeline
