// init.cpp - `medloc init`: a new, empty project.
#include "app/project.h"
#include "commands.h"

#include <ostream>

namespace medloc::pipeline {

int run_init(const Context& context, const InitOptions& options) {
    NewProject project;
    project.source_locale = options.source_locale;
    project.review_months = options.review_months;
    for (std::size_t start = 0; start <= options.targets.size();) {
        const std::size_t comma = std::min(options.targets.find(',', start), options.targets.size());
        if (comma > start) project.target_locales.push_back(options.targets.substr(start, comma - start));
        start = comma + 1;
    }
    const auto store = create_project(context.db_path, project, context.services.clock);
    const reviews::ProjectSettings& settings = store->settings();
    context.out << "Created project " << settings.project_id << " in " << context.db_path << ": source "
                << settings.source_locale << ", targets";
    for (const std::string& tag : settings.target_locales) context.out << ' ' << tag;
    context.out << ", clinical review valid " << settings.review_months << " months\n";
    return 0;
}

}  // namespace medloc::pipeline
