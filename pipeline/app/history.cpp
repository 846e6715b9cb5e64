// history.cpp - a segment's or a document's log.
#include "app/history.h"

#include "app/project.h"
#include "io/errors.h"

#include <iterator>
#include <set>

namespace medloc::pipeline {
namespace {

// A segment and the segments it is the edited text of, newest first.
std::vector<reviews::StoredSegment> lineage(reviews::Store& store, const std::string& segment_id) {
    std::vector<reviews::StoredSegment> texts;
    std::set<std::string> seen;
    for (std::optional<std::string> id = segment_id; id && seen.insert(*id).second;) {
        std::optional<reviews::StoredSegment> segment = store.segment(*id);
        if (!segment) break;
        id = segment->replaces;
        texts.push_back(std::move(*segment));
    }
    return texts;
}

}  // namespace

History history(reviews::Store& store, const HistoryRequest& request) {
    if (request.document.empty() == request.segment.empty())
        throw UsageError("history needs one of --doc ID or --segment ID");
    const std::string locale = request.locale.empty() ? "" : target_locale_option(store.settings(), request.locale);
    const auto reading = store.transaction(reviews::Access::read);
    History history;
    if (!request.segment.empty()) {
        if (!store.segment(request.segment))
            throw InputError("--segment " + request.segment, "no segment has this id", "see medloc history --doc");
        // The life of a sentence goes on through its edits, oldest text first.
        history.lineage = lineage(store, request.segment);
        for (auto text = history.lineage.rbegin(); text != history.lineage.rend(); ++text) {
            std::vector<reviews::LogEntry> of_text = store.segment_log(text->id, locale);
            history.entries.insert(history.entries.end(), std::make_move_iterator(of_text.begin()),
                                   std::make_move_iterator(of_text.end()));
        }
    } else {
        if (!store.current_version(request.document))
            throw InputError("--doc " + request.document, "no such document in this project", "see medloc status");
        history.entries = store.document_log(request.document, locale);
    }
    reading->commit();
    return history;
}

}  // namespace medloc::pipeline
