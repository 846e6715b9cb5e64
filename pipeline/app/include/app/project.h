// project: what several acts ask of a project: its creation, its target
// locales as people name them, and where a document's review stands.
#pragma once

#include "reviews/clock.h"
#include "reviews/store.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::pipeline {

struct NewProject {
    std::string source_locale = "en-US";
    std::vector<std::string> target_locales;
    int review_months = 36;
};
// Checks the settings (UsageError) and creates the project file.
std::unique_ptr<reviews::Store> create_project(const std::string& path, const NewProject& project,
                                               const reviews::Clock& clock, const reviews::OpenOptions& options = {});

// The project's spelling of target locale `tag` (es-us -> es-US), if the
// project translates into it.
std::optional<std::string> find_target_locale(const reviews::ProjectSettings& settings, std::string_view tag);

// As find_target_locale, for a --locale option: throws UsageError naming
// the project's targets when it is not one of them.
std::string target_locale_option(const reviews::ProjectSettings& settings, std::string_view tag);

// The project's target locales, comma-separated, for messages.
std::string target_list(const reviews::ProjectSettings& settings);

// An XML file another tool wrote (XLIFF, TMX), as UTF-8: read up to
// `max_bytes`, converted from the encoding its byte order mark or XML
// declaration names (ICU), and checked to be valid UTF-8. Throws InputError
// naming the file and what to do.
std::string read_xml_file(const std::string& path, std::uintmax_t max_bytes);

// A document review is withdrawn when what it signed changed: a new version
// of the document (even one that changes only markup outside sentences),
// or any change of a target since, also a target signed again.
enum class Standing { not_reviewed, current, due, expired, withdrawn };
inline constexpr Standing kStandings[] = {Standing::not_reviewed, Standing::current, Standing::due, Standing::expired,
                                          Standing::withdrawn};
const char* to_string(Standing standing);

// Where a document's clinical review in a locale stands on a date.
struct ReviewStanding {
    std::string last_reviewed;  // "YYYY-MM-DD", "" when never reviewed
    std::string reviewer;
    std::string next_due;                        // last_reviewed + the project's review period
    Standing standing = Standing::not_reviewed;  // due: within a month of next_due
    std::string withdrawn_because;               // withdrawn: what changed since
};
// The same from what the caller has read already: the document's current
// version, its translations into the review's locale and its last review
// there, if any.
ReviewStanding review_standing(reviews::Store& store, const reviews::DocumentVersion& version,
                               const std::vector<reviews::TranslatedSegment>& segments,
                               const std::optional<reviews::RecordedReview>& last, const std::string& as_of);
ReviewStanding review_standing(reviews::Store& store, const std::string& document_id, const std::string& locale,
                               const std::string& as_of);

// The --as-of date if given (checked), else today.
std::string as_of_option(const std::string& as_of, const reviews::Clock& clock);

}  // namespace medloc::pipeline
