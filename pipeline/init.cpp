// init.cpp - `medloc init`: a new, empty project.
#include "locales/locales.h"
#include "pipeline/commands.h"
#include "pipeline/errors.h"
#include "reviews/store.h"

#include <algorithm>
#include <ostream>

namespace medloc::pipeline {

int run_init(const std::string& db_path, const InitOptions& options, std::ostream& out) {
    reviews::ProjectSettings settings;
    const auto source = locales::canonical_tag(options.source_locale);
    if (!source) throw UsageError("--source " + options.source_locale + " is not a BCP 47 language tag (e.g. en-US)");
    settings.source_locale = *source;
    for (const std::string& tag : options.target_locales) {
        const auto target = locales::canonical_tag(tag);
        if (!target) throw UsageError("--targets: " + tag + " is not a BCP 47 language tag (e.g. es-US, ar, zh-Hans)");
        if (*target == settings.source_locale) throw UsageError("--targets: " + tag + " is the source locale");
        if (std::find(settings.target_locales.begin(), settings.target_locales.end(), *target) ==
            settings.target_locales.end())
            settings.target_locales.push_back(*target);
    }
    if (settings.target_locales.empty()) throw UsageError("--targets needs at least one locale (e.g. es-US,ar,ja)");
    if (options.review_months < 1 || options.review_months > 240)
        throw UsageError("--review-months must be between 1 and 240");
    settings.review_months = options.review_months;
    const reviews::Store store = reviews::Store::create(db_path, settings);
    out << "Created project " << store.settings().project_id << " in " << db_path << ": source "
        << store.settings().source_locale << ", targets";
    for (const std::string& tag : store.settings().target_locales) out << ' ' << tag;
    out << ", clinical review valid " << store.settings().review_months << " months\n";
    return 0;
}

}  // namespace medloc::pipeline
