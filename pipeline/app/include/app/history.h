// history: the log read back for people, following a sentence through its
// edits (a changed segment remembers the one it replaces).
#pragma once

#include "reviews/store.h"

#include <string>
#include <vector>

namespace medloc::pipeline {

struct HistoryRequest {
    std::string document;  // exactly one of document and segment
    std::string segment;
    std::string locale;  // as the person gave it; "" for every locale
};

struct History {
    // --segment: the segment, then each segment it is the edited text of.
    std::vector<reviews::StoredSegment> lineage;
    // Oldest first.
    std::vector<reviews::LogEntry> entries;
};

// Throws UsageError or InputError (an unknown document or segment).
History history(reviews::Store& store, const HistoryRequest& request);

}  // namespace medloc::pipeline
