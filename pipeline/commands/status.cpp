// status.cpp - `medloc status`: where the project stands, per document and
// target locale, as text for people or JSON for scripts.
#include "app/checks.h"
#include "app/project.h"
#include "commands.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <ostream>

namespace medloc::pipeline {
namespace {

using nlohmann::ordered_json;

ordered_json text_or_null(const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); }

// One checker per locale for the whole report (app/checks.h).
class OpenErrors {
public:
    explicit OpenErrors(reviews::Store& store) : store_(store) {}
    std::size_t of(const std::string& document_id, const std::string& locale) {
        auto& checks = checks_[locale];
        if (!checks) checks = std::make_unique<Checks>(store_, locale);
        return checks->open_errors(document_id);
    }

private:
    reviews::Store& store_;
    std::map<std::string, std::unique_ptr<Checks>> checks_;
};

ordered_json locale_json(reviews::Store& store, const reviews::DocumentStatus& document, const std::string& locale,
                         const std::string& as_of, OpenErrors& open_errors) {
    ordered_json counts;
    for (const reviews::State state : reviews::kStates)
        counts[reviews::to_string(state)] = document.states.at(locale).at(state);
    counts["stale"] = document.stale.contains(locale) ? document.stale.at(locale) : 0;
    counts["qa_errors"] = open_errors.of(document.document_id, locale);
    const ReviewStanding review = review_standing(store, document.document_id, locale, as_of);
    counts["review"] = {{"last_reviewed", text_or_null(review.last_reviewed)},
                        {"reviewer", text_or_null(review.reviewer)},
                        {"next_due", text_or_null(review.next_due)},
                        {"standing", to_string(review.standing)},
                        {"withdrawn_because", text_or_null(review.withdrawn_because)}};
    return counts;
}

void print_json(reviews::Store& store, const std::vector<reviews::DocumentStatus>& documents, const std::string& as_of,
                std::ostream& out) {
    const reviews::ProjectSettings& settings = store.settings();
    ordered_json json;
    json["project"] = settings.project_id;
    json["source_locale"] = settings.source_locale;
    json["target_locales"] = settings.target_locales;
    json["review_months"] = settings.review_months;
    json["as_of"] = as_of;
    json["documents"] = ordered_json::array();
    std::int64_t segments = 0, words = 0;
    OpenErrors open_errors(store);
    for (const reviews::DocumentStatus& document : documents) {
        ordered_json entry;
        entry["id"] = document.document_id;
        entry["format"] = document.format;
        entry["version"] = document.version;
        entry["segments"] = document.segments;
        entry["words"] = document.words;
        ordered_json locales = ordered_json::object();
        for (const auto& [locale, states] : document.states)
            locales[locale] = locale_json(store, document, locale, as_of, open_errors);
        entry["locales"] = std::move(locales);
        json["documents"].push_back(std::move(entry));
        segments += document.segments;
        words += document.words;
    }
    json["totals"] = {{"documents", documents.size()}, {"segments", segments}, {"words", words}};
    out << json.dump(2) << '\n';
}

void print_text(reviews::Store& store, const std::vector<reviews::DocumentStatus>& documents, const std::string& as_of,
                std::ostream& out) {
    const reviews::ProjectSettings& settings = store.settings();
    std::int64_t segments = 0, words = 0;
    for (const reviews::DocumentStatus& document : documents) {
        segments += document.segments;
        words += document.words;
    }
    out << "Project " << settings.project_id << " as of " << as_of << ": " << settings.source_locale << " ->";
    for (const std::string& tag : settings.target_locales) out << ' ' << tag;
    out << "\n" << documents.size() << " document(s), " << segments << " segments, " << words << " words\n";
    OpenErrors open_errors(store);
    for (const reviews::DocumentStatus& document : documents) {
        out << "\n"
            << document.document_id << "  (" << document.format << ", version " << document.version << ")  "
            << document.segments << " segments, " << document.words << " words\n";
        for (const auto& [locale, states] : document.states) {
            out << "  " << locale << ":";
            for (const reviews::State state : reviews::kStates)
                out << "  " << reviews::to_string(state) << " " << states.at(state);
            if (document.stale.contains(locale)) out << "  (stale " << document.stale.at(locale) << ")";
            if (const std::size_t errors = open_errors.of(document.document_id, locale); errors > 0)
                out << "\n      QA: " << errors << " open error(s), blocking (medloc check --locale " << locale
                    << " --doc " << document.document_id << ")";
            const ReviewStanding review = review_standing(store, document.document_id, locale, as_of);
            if (review.last_reviewed.empty()) out << "\n      clinical review: none yet";
            else
                out << "\n      clinical review: " << review.last_reviewed << " by " << review.reviewer << ", next due "
                    << review.next_due << " (" << to_string(review.standing)
                    << (review.withdrawn_because.empty() ? "" : ": " + review.withdrawn_because) << ")";
            out << '\n';
        }
    }
}

}  // namespace

int run_status(const Context& context, const StatusOptions& options) {
    const auto store = open_project(context);
    const std::string locale = options.locale.empty() ? "" : target_locale_option(store->settings(), options.locale);
    const std::string as_of = as_of_option(options.as_of, context.services.clock);
    const auto reading = store->transaction(reviews::Access::read);
    const std::vector<reviews::DocumentStatus> documents = store->status(locale);
    if (options.json) print_json(*store, documents, as_of, context.out);
    else print_text(*store, documents, as_of, context.out);
    reading->commit();
    return 0;
}

}  // namespace medloc::pipeline
