// status: where the project stands, per document and target locale, and in
// total per locale, with whether each locale is ready to build. The command
// line's `status` and the workspace's dashboard show these same figures.
#pragma once

#include "app/project.h"
#include "reviews/store.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace medloc::pipeline {

// One document in one locale.
struct DocumentLocale {
    std::map<reviews::State, std::int64_t> states;  // every state present
    std::int64_t stale = 0;                         // source changed under a translation
    std::size_t qa_errors = 0;                      // open (not waived)
    ReviewStanding review;

    std::int64_t not_approved() const;
    // What the build's gate asks of it: every segment approved, no open QA
    // error, a clinical review that stands (current, or due within a month).
    // The build also verifies the log and each approval's record.
    bool ready() const;
};

struct DocumentReport {
    reviews::DocumentStatus document;
    std::map<std::string, DocumentLocale> locales;
};

// One locale over every document in publication.
struct LocaleTotals {
    std::size_t documents = 0;
    std::size_t ready_documents = 0;
    std::int64_t segments = 0;
    std::int64_t words = 0;
    std::map<reviews::State, std::int64_t> states;  // every state present
    std::int64_t stale = 0;
    std::size_t qa_errors = 0;
    std::map<Standing, std::size_t> reviews;  // documents by review standing, every standing present
    // Every document ready, and at least one.
    bool ready() const { return documents > 0 && ready_documents == documents; }
};

struct ProjectStatus {
    std::string as_of;
    std::size_t document_count = 0;
    // Every document's report: kept by the overload that keeps them, left
    // empty by the one that hands them out as it goes.
    std::vector<DocumentReport> documents;
    std::map<std::string, LocaleTotals> locales;
    std::int64_t segments = 0;
    std::int64_t words = 0;
    // Documents cut by other segmentation rules than those now in force:
    // the next extract of them cuts them again (segmentation.h).
    std::vector<std::string> cut_by_other_rules;
};

// "clinical review: 2026-01-05 by Dr. Carla Chen, next due 2029-01-05 (current)".
std::string review_summary(const ReviewStanding& review);
// What keeps a document from being ready in a locale, in a reader's words
// ("3 not approved (3 translated); QA: 1 open error(s), blocking; ...").
std::string what_it_needs(const DocumentLocale& here);

// What a status covers: `locale` and `document` "" for every one; `as_of`
// the date reviews are judged at.
struct StatusScope {
    std::string locale;
    std::string document;
    std::string as_of;
};

// The totals of `scope`, handing each document's report to `each` as it is
// made, in document order, so that the memory a report takes does not grow
// with the project.
ProjectStatus project_status(reviews::Store& store, const StatusScope& scope,
                             const std::function<void(const DocumentReport&)>& each);
// The same, keeping every report in `documents` (the workspace's dashboard).
ProjectStatus project_status(reviews::Store& store, const std::string& locale, const std::string& as_of);

}  // namespace medloc::pipeline
