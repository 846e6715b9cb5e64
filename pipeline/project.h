// project: what several commands ask of a project's settings.
#pragma once

#include "reviews/store.h"

#include <optional>
#include <string>
#include <string_view>

namespace medloc::pipeline {

// The project's spelling of target locale `tag` (es-us -> es-US), if the
// project translates into it.
std::optional<std::string> find_target_locale(const reviews::ProjectSettings& settings, std::string_view tag);

// As find_target_locale, for a --locale option: throws UsageError naming
// the project's targets when it is not one of them.
std::string target_locale_option(const reviews::ProjectSettings& settings, std::string_view tag);

}  // namespace medloc::pipeline
