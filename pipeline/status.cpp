// status.cpp - `medloc status`: where the project stands, per document and
// target locale, as text for people or JSON for scripts.
#include "pipeline/commands.h"
#include "pipeline/errors.h"
#include "pipeline/project.h"
#include "reviews/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

namespace medloc::pipeline {

int run_status(const std::string& db_path, const StatusOptions& options, std::ostream& out) {
    reviews::Store store = reviews::Store::open(db_path);
    const reviews::ProjectSettings& settings = store.settings();
    const std::string locale = options.locale.empty() ? "" : target_locale_option(settings, options.locale);
    const std::vector<reviews::DocumentStatus> documents = store.status(locale);
    const std::string as_of = as_of_option(options.as_of);

    std::int64_t segments = 0, words = 0;
    for (const reviews::DocumentStatus& document : documents) {
        segments += document.segments;
        words += document.words;
    }

    if (options.json) {
        nlohmann::ordered_json json;
        json["project"] = settings.project_id;
        json["source_locale"] = settings.source_locale;
        json["target_locales"] = settings.target_locales;
        json["review_months"] = settings.review_months;
        json["as_of"] = as_of;
        json["documents"] = nlohmann::ordered_json::array();
        for (const reviews::DocumentStatus& document : documents) {
            nlohmann::ordered_json entry;
            entry["id"] = document.document_id;
            entry["format"] = document.format;
            entry["version"] = document.version;
            entry["segments"] = document.segments;
            entry["words"] = document.words;
            nlohmann::ordered_json locales = nlohmann::ordered_json::object();
            for (const auto& [locale, states] : document.states) {
                nlohmann::ordered_json counts;
                for (const char* state : reviews::kStates) counts[state] = states.at(state);
                counts["stale"] = document.stale.contains(locale) ? document.stale.at(locale) : 0;
                const ReviewStanding review = review_standing(store, document.document_id, locale, as_of);
                counts["review"] = {{"last_reviewed", review.last_reviewed.empty() ? nullptr : nlohmann::ordered_json(review.last_reviewed)},
                                    {"reviewer", review.reviewer.empty() ? nullptr : nlohmann::ordered_json(review.reviewer)},
                                    {"next_due", review.next_due.empty() ? nullptr : nlohmann::ordered_json(review.next_due)},
                                    {"standing", review.standing}};
                locales[locale] = std::move(counts);
            }
            entry["locales"] = std::move(locales);
            json["documents"].push_back(std::move(entry));
        }
        json["totals"] = {{"documents", documents.size()}, {"segments", segments}, {"words", words}};
        out << json.dump(2) << '\n';
        return 0;
    }

    out << "Project " << settings.project_id << " as of " << as_of << ": " << settings.source_locale << " ->";
    for (const std::string& tag : settings.target_locales) out << ' ' << tag;
    out << "\n" << documents.size() << " document(s), " << segments << " segments, " << words << " words\n";
    for (const reviews::DocumentStatus& document : documents) {
        out << "\n" << document.document_id << "  (" << document.format << ", version " << document.version << ")  "
            << document.segments << " segments, " << document.words << " words\n";
        for (const auto& [locale, states] : document.states) {
            out << "  " << locale << ":";
            for (const char* state : reviews::kStates) out << "  " << state << " " << states.at(state);
            if (document.stale.contains(locale)) out << "  (stale " << document.stale.at(locale) << ")";
            const ReviewStanding review = review_standing(store, document.document_id, locale, as_of);
            if (review.last_reviewed.empty())
                out << "\n      clinical review: none yet";
            else
                out << "\n      clinical review: " << review.last_reviewed << " by " << review.reviewer
                    << ", next due " << review.next_due << " (" << review.standing << ")";
            out << '\n';
        }
    }
    return 0;
}

}  // namespace medloc::pipeline
