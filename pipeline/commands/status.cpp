// status.cpp - `medloc status`: where the project stands (app/status.h). As
// text: per locale its totals and whether it is ready to build, then only
// the documents that need attention (`--doc ID` shows one document whole);
// as JSON: every document, and the totals per locale (of that document
// alone with `--doc`). Documents are read, and printed, one at a time.
#include "app/status.h"
#include "app/project.h"
#include "commands.h"
#include "io/errors.h"
#include "locales/names.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace medloc::pipeline {
namespace {

using nlohmann::ordered_json;

ordered_json text_or_null(const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); }

ordered_json states_json(const std::map<reviews::State, std::int64_t>& states) {
    ordered_json json;
    for (const reviews::State state : reviews::kStates) json[reviews::to_string(state)] = states.at(state);
    return json;
}

ordered_json locale_json(const DocumentLocale& here) {
    ordered_json json = states_json(here.states);
    json["stale"] = here.stale;
    json["qa_errors"] = here.qa_errors;
    json["review"] = {{"last_reviewed", text_or_null(here.review.last_reviewed)},
                      {"reviewer", text_or_null(here.review.reviewer)},
                      {"next_due", text_or_null(here.review.next_due)},
                      {"standing", to_string(here.review.standing)},
                      {"withdrawn_because", text_or_null(here.review.withdrawn_because)}};
    json["ready"] = here.ready();
    return json;
}

ordered_json totals_json(const LocaleTotals& totals) {
    ordered_json json;
    json["documents"] = totals.documents;
    json["ready_documents"] = totals.ready_documents;
    json["segments"] = totals.segments;
    json["words"] = totals.words;
    json["states"] = states_json(totals.states);
    json["stale"] = totals.stale;
    json["qa_errors"] = totals.qa_errors;
    ordered_json reviews;
    for (const Standing standing : kStandings) reviews[to_string(standing)] = totals.reviews.at(standing);
    json["reviews"] = std::move(reviews);
    json["ready"] = totals.ready();
    return json;
}

// Each document's entry in `documents`, as dump(2) writes it there.
ordered_json document_json(const DocumentReport& report) {
    ordered_json entry;
    entry["id"] = report.document.document_id;
    entry["format"] = report.document.format;
    entry["version"] = report.document.version;
    entry["segments"] = report.document.segments;
    entry["words"] = report.document.words;
    ordered_json locales = ordered_json::object();
    for (const auto& [locale, here] : report.locales) locales[locale] = locale_json(here);
    entry["locales"] = std::move(locales);
    return entry;
}

// The members of `object`, as dump(2) writes them one level in, without
// the braces: the document is printed in parts, a document at a time.
std::string members(const ordered_json& object) {
    const std::string text = object.dump(2);  // "{\n  ...\n}"
    return text.substr(2, text.size() - 4);
}

// The project's status as one JSON object; the documents are written as
// they come, so that a large project is never held in memory whole.
class JsonPrinter {
public:
    JsonPrinter(const reviews::ProjectSettings& settings, const std::string& as_of, std::ostream& out) : out_(out) {
        ordered_json head;
        head["project"] = settings.project_id;
        head["source_locale"] = settings.source_locale;
        head["target_locales"] = settings.target_locales;
        head["review_months"] = settings.review_months;
        head["as_of"] = as_of;
        out_ << "{\n" << members(head) << ",\n  \"documents\": [";
    }

    void add(const DocumentReport& report) {
        std::string entry = document_json(report).dump(2);
        for (std::size_t at = entry.find('\n'); at != std::string::npos; at = entry.find('\n', at + 5))
            entry.insert(at + 1, "    ");
        out_ << (any_ ? ",\n    " : "\n    ") << entry;
        any_ = true;
    }

    void finish(const ProjectStatus& status) {
        out_ << (any_ ? "\n  ]" : "]") << ",\n";
        ordered_json tail;
        ordered_json locales = ordered_json::object();
        for (const auto& [locale, totals] : status.locales) locales[locale] = totals_json(totals);
        tail["locales"] = std::move(locales);
        tail["totals"] = {{"documents", status.document_count}, {"segments", status.segments}, {"words", status.words}};
        tail["cut_by_other_rules"] = status.cut_by_other_rules;
        out_ << members(tail) << "\n}\n";
    }

private:
    std::ostream& out_;
    bool any_ = false;
};

std::string percent(std::int64_t part, std::int64_t whole) {
    return std::to_string(whole > 0 ? part * 100 / whole : 100) + "%";
}

void print_document(const DocumentReport& report, std::ostream& out) {
    const reviews::DocumentStatus& document = report.document;
    out << locales::visible(document.document_id) << "  (" << document.format << ", version " << document.version
        << ")  " << document.segments << " segments, " << document.words << " words\n";
    for (const auto& [locale, here] : report.locales) {
        out << "  " << locale << ":";
        for (const reviews::State state : reviews::kStates)
            out << "  " << reviews::to_string(state) << " " << here.states.at(state);
        if (here.stale > 0) out << "  (stale " << here.stale << ")";
        if (here.qa_errors > 0)
            out << "\n      QA: " << here.qa_errors << " open error(s), blocking (medloc check --locale " << locale
                << " --doc " << locales::visible(document.document_id) << ")";
        out << "\n      " << review_summary(here.review) << "\n      "
            << (here.ready() ? "ready to build" : "not ready") << '\n';
    }
}

// A document that is not ready in a locale, and what it needs.
struct Attention {
    std::string document_id;
    std::string locale;
    std::string needs;
};

void print_text(const reviews::ProjectSettings& settings, const ProjectStatus& status,
                const std::vector<Attention>& attention, std::ostream& out) {
    out << "Project " << settings.project_id << " as of " << status.as_of << ": " << settings.source_locale << " ->";
    for (const std::string& tag : settings.target_locales) out << ' ' << tag;
    out << "\n"
        << status.document_count << " document(s), " << status.segments << " segments, " << status.words << " words\n";
    for (const auto& [locale, totals] : status.locales) {
        const std::int64_t approved = totals.states.at(reviews::State::approved);
        out << "\n"
            << locale << ": " << approved << " of " << totals.segments << " segments approved ("
            << percent(approved, totals.segments) << ")";
        for (const reviews::State state : reviews::kStates)
            if (state != reviews::State::approved && totals.states.at(state) > 0)
                out << ", " << totals.states.at(state) << " " << reviews::to_string(state);
        if (totals.stale > 0) out << ", " << totals.stale << " stale";
        out << "\n  QA: " << totals.qa_errors << " open error(s); clinical reviews:";
        for (const Standing standing : kStandings)
            if (totals.reviews.at(standing) > 0)
                out << " " << totals.reviews.at(standing) << " " << to_string(standing);
        out << "\n  "
            << (totals.ready() ? "ready to build"
                               : "not ready: " + std::to_string(totals.documents - totals.ready_documents) + " of " +
                                     std::to_string(totals.documents) + " document(s) need attention")
            << '\n';
    }
    if (!status.cut_by_other_rules.empty())
        out << "\n"
            << status.cut_by_other_rules.size()
            << " document(s) were cut by other segmentation rules than the project's; the next medloc extract of "
               "them cuts them again (medloc segmentation show names them)\n";
    if (!attention.empty()) out << "\nNeeds attention (medloc status --doc ID shows one document whole):\n";
    for (const Attention& here : attention)
        out << "  " << locales::visible(here.document_id) << "  " << here.locale << ": " << here.needs << '\n';
}

}  // namespace

int run_status(const Context& context, const StatusOptions& options) {
    const auto store = open_project(context);
    const StatusScope scope{options.locale.empty() ? "" : target_locale_option(store->settings(), options.locale),
                            options.document, as_of_option(options.as_of, context.services.clock)};
    const auto reading = store->transaction(reviews::Access::read);
    if (!options.document.empty()) {
        if (!store->current_version(options.document))
            throw InputError("--doc " + options.document, "no such document in this project", "see medloc status");
        if (store->is_retired(options.document))
            throw InputError("--doc " + options.document, "is retired: in no bundle", "see medloc history --doc");
    }
    if (options.json) {
        // Written as the documents come; the totals follow them.
        JsonPrinter json(store->settings(), scope.as_of, context.out);
        const ProjectStatus status =
            project_status(*store, scope, [&](const DocumentReport& report) { json.add(report); });
        reading->commit();
        json.finish(status);
    } else if (!options.document.empty()) {
        project_status(*store, scope, [&](const DocumentReport& report) { print_document(report, context.out); });
        reading->commit();
    } else {
        // The totals come first, so only the lines of what needs attention wait.
        std::vector<Attention> attention;
        const ProjectStatus status = project_status(*store, scope, [&](const DocumentReport& report) {
            for (const auto& [locale, here] : report.locales)
                if (!here.ready()) attention.push_back({report.document.document_id, locale, what_it_needs(here)});
        });
        reading->commit();
        print_text(store->settings(), status, attention, context.out);
    }
    return 0;
}

}  // namespace medloc::pipeline
