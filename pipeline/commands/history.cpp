// history.cpp - `medloc history`: the log of a segment or a document, for
// people or as JSON.
#include "app/history.h"
#include "commands.h"
#include "locales/names.h"
#include "reviews/keys.h"
#include "xliff/content.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace medloc::pipeline {
namespace {

using nlohmann::ordered_json;

// Stored markup as a person reads it: the text, with each inline code
// shown where it stands ({1}bold{/1}, {2: https://…}), and nothing that
// could move a terminal's cursor or hide text.
std::string readable(const std::string& markup) {
    try {
        std::string out;
        for (const xliff::Run& run : xliff::content_from_markup(markup).runs) {
            const std::string id = std::to_string(run.id);
            switch (run.kind) {
            case xliff::Run::Kind::text: out += locales::visible(run.text); break;
            case xliff::Run::Kind::open: out += "{" + id + "}"; break;
            case xliff::Run::Kind::close: out += "{/" + id + "}"; break;
            case xliff::Run::Kind::placeholder:
                out += "{" + id + (run.text.empty() ? "/" : ": " + locales::visible(run.text)) + "}";
                break;
            }
        }
        return out;
    } catch (const xliff::MarkupError&) {
        return locales::visible(markup);
    }
}

// The fields every entry has, in the log's words.
struct Shown {
    std::string at, document, segment, locale, actor, actor_id, for_id, role, meaning, state, source;
    std::optional<std::string> target;
    std::string comment, origin;
};

Shown shown_change(const reviews::PersonChange& change) {
    return {
        change.at,
        {},
        {},
        {},
        change.actor,
        change.actor_id,
        {},
        reviews::to_string(change.role),
        reviews::to_string(change.kind),
        {},
        change.person_id,
        change.name + ", " + reviews::role_list(change.roles) + ", key " + reviews::key_fingerprint(change.public_key),
        change.comment,
        change.origin};
}

Shown shown_release(const reviews::Release& release) {
    return {release.at,
            {},
            {},
            release.locale,
            release.actor,
            release.actor_id,
            {},
            reviews::to_string(release.role),
            reviews::kReleaseMeaning,
            {},
            "manifest sha256 " + release.manifest_sha256,
            std::nullopt,
            release.comment,
            release.origin};
}

Shown shown_retirement(const reviews::Retirement& retirement) {
    return {retirement.at,
            retirement.document_id,
            {},
            {},
            retirement.actor,
            retirement.actor_id,
            {},
            reviews::to_string(retirement.role),
            reviews::kRetiredMeaning,
            {},
            "version " + std::to_string(retirement.version),
            std::nullopt,
            retirement.comment,
            retirement.origin};
}

// A glossary, memory or segmentation rules a publisher set: the file's hash as its "source".
Shown shown_import(const reviews::FileImport& import, const char* meaning, const std::string& what) {
    return {import.at,
            {},
            {},
            {},
            import.actor,
            import.actor_id,
            {},
            reviews::to_string(import.role),
            meaning,
            {},
            what + " sha256 " + import.sha256,
            std::nullopt,
            import.comment,
            import.origin};
}

Shown shown(const reviews::LogEntry& entry) {
    if (const auto* retirement = std::get_if<reviews::Retirement>(&entry.record)) return shown_retirement(*retirement);
    if (const auto* release = std::get_if<reviews::Release>(&entry.record)) return shown_release(*release);
    if (const auto* change = std::get_if<reviews::PersonChange>(&entry.record)) return shown_change(*change);
    if (const auto* import = std::get_if<reviews::GlossaryImport>(&entry.record))
        return shown_import(*import, reviews::kGlossaryMeaning, "glossary");
    if (const auto* import = std::get_if<reviews::MemoryImport>(&entry.record))
        return shown_import(*import, reviews::kMemoryMeaning, "memory");
    if (const auto* change = std::get_if<reviews::SegmentationChange>(&entry.record))
        return shown_import(*change, reviews::kSegmentationMeaning, "segmentation");
    if (const auto* event = std::get_if<reviews::Event>(&entry.record))
        return {event->at,
                event->document_id,
                event->segment_id,
                event->locale,
                event->actor,
                event->actor_id,
                event->for_id,
                reviews::to_string(event->role),
                reviews::to_string(event->meaning),
                reviews::to_string(event->state),
                event->source,
                event->target,
                event->comment,
                event->origin};
    const auto& review = std::get<reviews::DocumentReview>(entry.record);
    return {review.at,
            review.document_id,
            {},
            review.locale,
            review.actor,
            review.actor_id,
            {},
            reviews::to_string(review.role),
            reviews::kDocumentReviewMeaning,
            reviews::to_string(reviews::State::approved),
            reviews::signed_source(review),
            reviews::signed_targets(review),
            review.comment,
            review.origin};
}

ordered_json to_json(const reviews::LogEntry& entry) {
    const Shown s = shown(entry);
    ordered_json json;
    json["id"] = entry.id;
    json["at"] = s.at;
    json["document"] = s.document;
    json["segment"] = s.segment.empty() ? ordered_json(nullptr) : ordered_json(s.segment);
    json["locale"] = s.locale;
    json["actor"] = s.actor;
    json["actor_id"] = s.actor_id.empty() ? ordered_json(nullptr) : ordered_json(s.actor_id);
    json["for"] = s.for_id.empty() ? ordered_json(nullptr) : ordered_json(s.for_id);
    json["role"] = s.role;
    json["meaning"] = s.meaning;
    json["state"] = s.state;
    json["source"] = s.source;
    json["target"] = s.target ? ordered_json(*s.target) : ordered_json(nullptr);
    json["comment"] = s.comment;
    json["origin"] = s.origin;
    json["hash"] = entry.hash;
    return json;
}

void print(const reviews::LogEntry& entry, std::ostream& out) {
    const Shown s = shown(entry);
    out << s.at << "  " << s.locale << "  " << (s.segment.empty() ? "whole document" : "segment " + s.segment) << "\n"
        << "    " << s.meaning << " -> " << s.state << ", by " << locales::visible(s.actor) << " (" << s.role << ")"
        << ", " << locales::visible(s.origin) << "\n"
        << "    source: " << readable(s.source) << "\n";
    if (s.target) out << "    target: " << readable(*s.target) << "\n";
    if (!s.comment.empty()) out << "    comment: " << locales::visible(s.comment) << "\n";
}

}  // namespace

int run_history(const Context& context, const HistoryOptions& options) {
    const auto store = open_project(context);
    const History found = history(*store, {options.document, options.segment, options.locale});
    if (options.json) {
        ordered_json json = ordered_json::array();
        for (const reviews::LogEntry& entry : found.entries) json.push_back(to_json(entry));
        context.out << json.dump(2) << "\n";
        return 0;
    }
    if (!found.lineage.empty()) {
        const reviews::StoredSegment& segment = found.lineage.front();
        context.out << "Segment " << segment.id << " of " << segment.document_id
                    << (segment.retired_in ? " (retired in version " + std::to_string(*segment.retired_in) + ")" : "")
                    << ": " << locales::visible(segment.plain) << "\n";
        for (std::size_t i = 1; i < found.lineage.size(); ++i)
            context.out << "  the edited text of " << found.lineage[i].id << ": "
                        << locales::visible(found.lineage[i].plain) << "\n";
    }
    for (const reviews::LogEntry& entry : found.entries) print(entry, context.out);
    context.out << found.entries.size() << " event(s)\n";
    return 0;
}

}  // namespace medloc::pipeline
