// status.cpp - per document and locale, and per locale in total (see status.h).
#include "app/status.h"

#include "app/segmentation.h"

#include "app/checks.h"

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

ProjectStatus project_status(reviews::Store& store, const StatusScope& scope,
                             const std::function<void(const DocumentReport&)>& each) {
    ProjectStatus status;
    status.as_of = scope.as_of;
    std::map<std::string, std::unique_ptr<Checks>> checks;  // one checker per locale for the whole report
    store.each_document_status(scope.locale, scope.document, [&](const reviews::DocumentStatus& document) {
        DocumentReport report;
        report.document = document;
        // Read once for every locale: the document's version is theirs alike.
        const auto version = store.current_version(document.document_id);
        for (const auto& [tag, states] : document.states) {
            DocumentLocale& here = report.locales[tag];
            here.states = states;
            here.stale = document.stale.contains(tag) ? document.stale.at(tag) : 0;
            auto& checker = checks[tag];
            if (!checker) checker = std::make_unique<Checks>(store, tag);
            // The document is read once for its QA errors and its review.
            if (version) {
                const auto segments = store.version_translations(document.document_id, version->version, tag);
                here.qa_errors = checker->open_errors(segments);
                here.review = review_standing(store, *version, segments,
                                              store.last_document_review(document.document_id, tag), scope.as_of);
            } else {
                here.review = review_standing(store, document.document_id, tag, scope.as_of);
            }

            LocaleTotals& totals = status.locales[tag];
            ++totals.documents;
            totals.ready_documents += here.ready() ? 1 : 0;
            totals.segments += document.segments;
            totals.words += document.words;
            for (const auto& [state, count] : states) totals.states[state] += count;
            totals.stale += here.stale;
            totals.qa_errors += here.qa_errors;
            ++totals.reviews[here.review.standing];
        }
        ++status.document_count;
        status.segments += document.segments;
        status.words += document.words;
        each(report);
    });
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
