// history.cpp - `medloc history` and `medloc audit verify`: the event log
// read back, and checked.
#include "pipeline/commands.h"
#include "pipeline/errors.h"
#include "pipeline/project.h"
#include "reviews/store.h"
#include "xliff/content.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <set>

namespace medloc::pipeline {
namespace {

// Stored markup as a person reads it: the text, codes left out.
std::string readable(const std::string& markup) {
    try {
        return xliff::content_from_markup(markup).plain_text();
    } catch (const xliff::MarkupError&) {
        return markup;  // a document event's hash line
    }
}

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

nlohmann::ordered_json to_json(const reviews::StoredEvent& stored) {
    const reviews::Event& event = stored.event;
    nlohmann::ordered_json json;
    json["id"] = stored.id;
    json["at"] = event.at;
    json["document"] = event.document_id;
    json["segment"] = event.segment_id.empty() ? nullptr : nlohmann::ordered_json(event.segment_id);
    json["locale"] = event.locale;
    json["actor"] = event.actor;
    json["role"] = event.role;
    json["meaning"] = event.meaning;
    json["state"] = event.state;
    json["source"] = event.source;
    json["target"] = event.target ? nlohmann::ordered_json(*event.target) : nullptr;
    json["comment"] = event.comment;
    json["origin"] = event.origin;
    json["hash"] = stored.hash;
    return json;
}

void print(const reviews::StoredEvent& stored, std::ostream& out) {
    const reviews::Event& event = stored.event;
    out << event.at << "  " << event.locale << "  "
        << (event.segment_id.empty() ? "whole document" : "segment " + event.segment_id) << "\n"
        << "    " << event.meaning << " -> " << event.state << ", by " << event.actor << " (" << event.role << ")"
        << ", " << event.origin << "\n"
        << "    source: " << readable(event.source) << "\n";
    if (event.target) out << "    target: " << readable(*event.target) << "\n";
    if (!event.comment.empty()) out << "    comment: " << event.comment << "\n";
}

}  // namespace

int run_history(const std::string& db_path, const HistoryOptions& options, std::ostream& out) {
    if (options.document.empty() == options.segment.empty())
        throw UsageError("history needs one of --doc ID or --segment ID");
    reviews::Store store = reviews::Store::open(db_path);
    const std::string locale = options.locale.empty() ? "" : target_locale_option(store.settings(), options.locale);
    std::vector<reviews::StoredEvent> events;
    if (!options.segment.empty()) {
        if (!store.segment(options.segment))
            throw InputError("--segment " + options.segment, "no segment has this id", "see medloc history --doc");
        // The life of a sentence goes on through its edits, oldest text first.
        const std::vector<reviews::StoredSegment> texts = lineage(store, options.segment);
        for (auto text = texts.rbegin(); text != texts.rend(); ++text) {
            std::vector<reviews::StoredEvent> of_text = store.segment_events(text->id, locale);
            events.insert(events.end(), std::make_move_iterator(of_text.begin()), std::make_move_iterator(of_text.end()));
        }
    } else {
        if (!store.current_version(options.document))
            throw InputError("--doc " + options.document, "no such document in this project", "see medloc status");
        events = store.document_events(options.document, locale);
    }
    if (options.json) {
        nlohmann::ordered_json json = nlohmann::ordered_json::array();
        for (const reviews::StoredEvent& event : events) json.push_back(to_json(event));
        out << json.dump(2) << "\n";
        return 0;
    }
    if (!options.segment.empty()) {
        const std::vector<reviews::StoredSegment> texts = lineage(store, options.segment);
        const reviews::StoredSegment& segment = texts.front();
        out << "Segment " << segment.id << " of " << segment.document_id
            << (segment.retired_in ? " (retired in version " + std::to_string(*segment.retired_in) + ")" : "") << ": "
            << segment.plain << "\n";
        for (std::size_t i = 1; i < texts.size(); ++i)
            out << "  the edited text of " << texts[i].id << ": " << texts[i].plain << "\n";
    }
    for (const reviews::StoredEvent& event : events) print(event, out);
    out << events.size() << " event(s)\n";
    return 0;
}

int run_audit_verify(const std::string& db_path, bool json, std::ostream& out) {
    reviews::Store store = reviews::Store::open(db_path);
    std::string previous_hash;
    std::int64_t previous_id = 0, count = 0;
    std::string problem;
    store.for_each_event([&](const reviews::StoredEvent& stored) {
        if (!problem.empty()) return;
        const std::string name = "event " + std::to_string(stored.id) + " (" + stored.event.at + ", " +
                                 stored.event.actor + ", " + stored.event.meaning + ")";
        if (stored.previous_hash != previous_hash)
            problem = name + " does not follow event " + std::to_string(previous_id) +
                      ": an event between them was removed or the chain was rewritten";
        else if (reviews::event_hash(stored.event, stored.previous_hash) != stored.hash)
            problem = name + " does not match its hash: its content was changed after it was written";
        previous_hash = stored.hash;
        previous_id = stored.id;
        ++count;
    });
    if (problem.empty()) problem = store.translation_without_event();
    if (json) {
        nlohmann::ordered_json report;
        report["intact"] = problem.empty();
        report["events_checked"] = count;
        report["problem"] = problem.empty() ? nullptr : nlohmann::ordered_json(problem);
        out << report.dump(2) << "\n";
        return problem.empty() ? 0 : 4;
    }
    if (!problem.empty()) {
        out << "audit: FAILED at " << problem << "\n";
        return 4;
    }
    out << "audit: " << count << " event(s), hash chain intact, every translation matches its last event\n";
    return 0;
}

}  // namespace medloc::pipeline
