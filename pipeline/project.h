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

// Where a document's clinical review in a locale stands on a date.
struct ReviewStanding {
    std::string last_reviewed;  // "YYYY-MM-DD", "" when never reviewed
    std::string reviewer;
    std::string next_due;       // last_reviewed + the project's review period
    std::string standing;       // "not reviewed", "current", "due" (within a month), "expired"
};
ReviewStanding review_standing(reviews::Store& store, const std::string& document_id, const std::string& locale,
                               const std::string& as_of);

// The --as-of date if given (checked), else today in UTC.
std::string as_of_option(const std::string& as_of);

}  // namespace medloc::pipeline
