// status.cpp - per document and locale, and per locale in total (see status.h).
#include "app/status.h"

#include "app/checks.h"
#include "app/segmentation.h"
#include "checks_beside.h"

#include <deque>
#include <future>
#include <memory>

namespace medloc::pipeline {

std::int64_t DocumentLocale::not_approved() const {
    std::int64_t count = 0;
    for (const auto& [state, segments] : states) count += state == reviews::State::approved ? 0 : segments;
    return count;
}

bool DocumentLocale::ready() const {
    return not_approved() == 0 && qa_errors == 0 &&
           (review.standing == Standing::current || review.standing == Standing::due);
}

std::string review_summary(const ReviewStanding& review) {
    if (review.last_reviewed.empty()) return "clinical review: none yet";
    return "clinical review: " + review.last_reviewed + " by " + review.reviewer + ", next due " + review.next_due +
           " (" + to_string(review.standing) +
           (review.withdrawn_because.empty() ? "" : ": " + review.withdrawn_because) + ")";
}

std::string what_it_needs(const DocumentLocale& here) {
    std::string text;
    const auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
    if (const std::int64_t open = here.not_approved(); open > 0) {
        std::string counts;
        for (const reviews::State state : reviews::kStates)
            if (state != reviews::State::approved && here.states.at(state) > 0)
                counts += (counts.empty() ? "" : ", ") + std::to_string(here.states.at(state)) + " " +
                          reviews::to_string(state);
        add(std::to_string(open) + " not approved (" + counts + ")");
    }
    if (here.stale > 0) add(std::to_string(here.stale) + " stale");
    if (here.qa_errors > 0) add("QA: " + std::to_string(here.qa_errors) + " open error(s), blocking");
    if (here.review.standing != Standing::current) add(review_summary(here.review));
    return text;
}

namespace {

// A document whose report waits for the QA of its targets, run beside.
struct PendingDocument {
    struct Locale {
        std::string tag;
        ChecksBeside::Segments segments;
        std::future<ChecksBeside::Found> checked;
    };
    DocumentReport report;
    std::vector<Locale> locales;
};

// The document's report counted in the project's totals.
void count_in(ProjectStatus& status, const DocumentReport& report) {
    for (const auto& [tag, here] : report.locales) {
        LocaleTotals& totals = status.locales[tag];
        ++totals.documents;
        totals.ready_documents += here.ready() ? 1 : 0;
        totals.segments += report.document.segments;
        totals.words += report.document.words;
        for (const auto& [state, count] : here.states) totals.states[state] += count;
        totals.stale += here.stale;
        totals.qa_errors += here.qa_errors;
        ++totals.reviews[here.review.standing];
    }
    ++status.document_count;
    status.segments += report.document.segments;
    status.words += report.document.words;
}

}  // namespace

ProjectStatus project_status(reviews::Store& store, const StatusScope& scope,
                             const std::function<void(const DocumentReport&)>& each) {
    ProjectStatus status;
    status.as_of = scope.as_of;
    std::map<std::string, std::unique_ptr<Checks>> checks;  // one checker per locale for the whole report
    const auto checks_of = [&](const std::string& tag) -> Checks& {
        std::unique_ptr<Checks>& checker = checks[tag];
        if (!checker) checker = std::make_unique<Checks>(store, tag);
        return *checker;
    };
    // Reports still come in document order, a few behind the reads.
    std::deque<PendingDocument> waiting;
    ChecksBeside beside;  // last: stopped before what its work refers to
    const auto finish = [&](PendingDocument& pending) {
        DocumentReport& report = pending.report;
        for (PendingDocument::Locale& locale : pending.locales) {
            std::size_t open = 0;
            for (const auto& [i, found] : ChecksBeside::waived(checks_of(locale.tag), locale.segments, locale.checked))
                for (const SegmentFinding& finding : found) open += finding.blocks() ? 1 : 0;
            report.locales[locale.tag].qa_errors = open;
        }
        count_in(status, report);
        each(report);
    };
    store.each_document_status(scope.locale, scope.document, [&](const reviews::DocumentStatus& document) {
        PendingDocument& pending = waiting.emplace_back();
        pending.report.document = document;
        // Read once for every locale: the document's version is theirs alike.
        const auto version = store.current_version(document.document_id);
        for (const auto& [tag, states] : document.states) {
            DocumentLocale& here = pending.report.locales[tag];
            here.states = states;
            here.stale = document.stale.contains(tag) ? document.stale.at(tag) : 0;
            if (!version) {
                here.review = review_standing(store, document.document_id, tag, scope.as_of);
                continue;
            }
            // The document is read once for its QA errors and its review.
            auto segments = std::make_shared<const std::vector<reviews::TranslatedSegment>>(
                store.version_translations(document.document_id, version->version, tag));
            here.review = review_standing(store, *version, *segments,
                                          store.last_document_review(document.document_id, tag), scope.as_of);
            pending.locales.push_back({tag, segments, beside.check(checks_of(tag), segments)});
        }
        if (waiting.size() > ChecksBeside::kBehind) {
            finish(waiting.front());
            waiting.pop_front();
        }
    });
    for (; !waiting.empty(); waiting.pop_front()) finish(waiting.front());
    status.cut_by_other_rules = store.documents_cut_otherwise(segmentation_sha256(store));
    // Every count present, and a locale with no document yet too (not ready).
    for (const std::string& tag : store.settings().target_locales)
        if (scope.locale.empty() || tag == scope.locale) {
            LocaleTotals& totals = status.locales[tag];
            for (const reviews::State state : reviews::kStates) totals.states[state] += 0;
            for (const Standing standing : kStandings) totals.reviews[standing] += 0;
        }
    return status;
}

ProjectStatus project_status(reviews::Store& store, const std::string& locale, const std::string& as_of) {
    std::vector<DocumentReport> documents;
    ProjectStatus status =
        project_status(store, {locale, "", as_of}, [&](const DocumentReport& report) { documents.push_back(report); });
    status.documents = std::move(documents);
    return status;
}

}  // namespace medloc::pipeline
