// project.cpp - target locales as the user names them.
#include "pipeline/project.h"

#include "locales/locales.h"
#include "pipeline/errors.h"

namespace medloc::pipeline {

std::optional<std::string> find_target_locale(const reviews::ProjectSettings& settings, std::string_view tag) {
    const auto canonical = locales::canonical_tag(tag);
    if (!canonical) return std::nullopt;
    for (const std::string& target : settings.target_locales)
        if (target == *canonical) return target;
    return std::nullopt;
}

std::string target_locale_option(const reviews::ProjectSettings& settings, std::string_view tag) {
    if (auto found = find_target_locale(settings, tag)) return *found;
    std::string targets;
    for (const std::string& target : settings.target_locales) targets += (targets.empty() ? "" : ", ") + target;
    throw UsageError("--locale " + std::string(tag) + " is not a target locale of this project (targets: " + targets +
                     ")");
}

}  // namespace medloc::pipeline
