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

ReviewStanding review_standing(reviews::Store& store, const std::string& document_id, const std::string& locale,
                               const std::string& as_of) {
    ReviewStanding review;
    const auto last = store.last_document_review(document_id, locale);
    if (!last) {
        review.standing = "not reviewed";
        return review;
    }
    review.last_reviewed = last->event.at.substr(0, 10);
    review.reviewer = last->event.actor;
    review.next_due = locales::add_months(review.last_reviewed, store.settings().review_months);
    if (as_of > review.next_due) review.standing = "expired";
    else if (as_of >= locales::add_months(review.next_due, -1)) review.standing = "due";
    else review.standing = "current";
    return review;
}

std::string as_of_option(const std::string& as_of) {
    if (as_of.empty()) return reviews::utc_timestamp().substr(0, 10);
    const auto date = locales::parse_date(as_of);
    if (!date) throw UsageError("--as-of " + as_of + " is not a date (YYYY-MM-DD)");
    return *date;
}

}  // namespace medloc::pipeline
