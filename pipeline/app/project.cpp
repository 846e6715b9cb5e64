// project.cpp - project creation, target locales, review standing.
#include "app/project.h"

#include "io/errors.h"
#include "io/files.h"
#include "locales/locales.h"
#include "signoff.h"
#include "xliff/xliff.h"

#include <algorithm>
#include <filesystem>

namespace medloc::pipeline {

std::unique_ptr<reviews::Store> create_project(const std::string& path, const NewProject& project,
                                               const reviews::Clock& clock, const reviews::OpenOptions& options) {
    reviews::ProjectSettings settings;
    const auto source = locales::canonical_tag(project.source_locale);
    if (!source) throw UsageError("--source " + project.source_locale + " is not a BCP 47 language tag (e.g. en-US)");
    if (const std::string problem = locales::unknown_locale_problem(*source); !problem.empty())
        throw UsageError("--source " + project.source_locale + ": " + problem);
    settings.source_locale = *source;
    for (const std::string& tag : project.target_locales) {
        const auto target = locales::canonical_tag(tag);
        if (!target) throw UsageError("--targets: " + tag + " is not a BCP 47 language tag (e.g. es-US, ar, zh-Hans)");
        if (const std::string problem = locales::unknown_locale_problem(*target); !problem.empty())
            throw UsageError("--targets: " + tag + ": " + problem + "; name a language people read (e.g. es-US, ar)");
        if (*target == settings.source_locale) throw UsageError("--targets: " + tag + " is the source locale");
        if (std::find(settings.target_locales.begin(), settings.target_locales.end(), *target) ==
            settings.target_locales.end())
            settings.target_locales.push_back(*target);
    }
    if (settings.target_locales.empty()) throw UsageError("--targets needs at least one locale (e.g. es-US,ar,ja)");
    if (project.review_months < 1 || project.review_months > 240)
        throw UsageError("--review-months must be between 1 and 240");
    settings.review_months = project.review_months;
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    std::error_code error;
    if (!folder.empty() && !std::filesystem::is_directory(folder, error))
        throw InputError(path, "the folder " + folder.string() + " does not exist",
                         "create it first, or name another file with --db");
    return reviews::create_project(path, settings, clock, options);
}

std::optional<std::string> find_target_locale(const reviews::ProjectSettings& settings, std::string_view tag) {
    const auto canonical = locales::canonical_tag(tag);
    if (!canonical) return std::nullopt;
    for (const std::string& target : settings.target_locales)
        if (target == *canonical) return target;
    return std::nullopt;
}

std::string target_list(const reviews::ProjectSettings& settings) {
    std::string targets;
    for (const std::string& target : settings.target_locales) targets += (targets.empty() ? "" : ", ") + target;
    return targets;
}

std::string target_locale_option(const reviews::ProjectSettings& settings, std::string_view tag) {
    if (auto found = find_target_locale(settings, tag)) return *found;
    throw UsageError("--locale " + std::string(tag) +
                     " is not a target locale of this project (targets: " + target_list(settings) + ")");
}

const char* to_string(Standing standing) {
    switch (standing) {
    case Standing::not_reviewed: return "not reviewed";
    case Standing::current: return "current";
    case Standing::due: return "due";
    case Standing::expired: return "expired";
    case Standing::withdrawn: return "withdrawn";
    }
    return "not reviewed";
}

namespace {

// What changed since `last` signed the document, in a reviewer's words; "".
std::string what_changed_since(reviews::Store& store, const reviews::RecordedReview& last,
                               const reviews::DocumentVersion& version,
                               const std::vector<reviews::TranslatedSegment>& segments) {
    if (version.version != last.review.version)
        return "it signed version " + std::to_string(last.review.version) + "; the document is at version " +
               std::to_string(version.version);
    if (version.source_sha256 != last.review.source_sha256) return "the document's source changed since";
    if (store.last_translation_change(version.document_id, last.review.locale) > last.log_id)
        return "a target was changed, rejected or signed again since";
    if (targets_hash(segments) != last.review.targets_sha256) return "a target changed since";
    return {};
}

// Where a review stands on `as_of`, once `withdrawn_because` is known.
ReviewStanding standing_of(reviews::Store& store, const reviews::RecordedReview& last, std::string withdrawn_because,
                           const std::string& as_of) {
    ReviewStanding review;
    review.last_reviewed = last.review.at.substr(0, 10);
    review.reviewer = last.review.actor;
    review.next_due = locales::add_months(review.last_reviewed, store.settings().review_months);
    review.withdrawn_because = std::move(withdrawn_because);
    if (!review.withdrawn_because.empty()) review.standing = Standing::withdrawn;
    else if (as_of > review.next_due) review.standing = Standing::expired;
    else if (as_of >= locales::add_months(review.next_due, -1)) review.standing = Standing::due;
    else review.standing = Standing::current;
    return review;
}

}  // namespace

ReviewStanding review_standing(reviews::Store& store, const reviews::DocumentVersion& version,
                               const std::vector<reviews::TranslatedSegment>& segments,
                               const std::optional<reviews::RecordedReview>& last, const std::string& as_of) {
    if (!last) return {};
    return standing_of(store, *last, what_changed_since(store, *last, version, segments), as_of);
}

ReviewStanding review_standing(reviews::Store& store, const std::string& document_id, const std::string& locale,
                               const std::string& as_of) {
    const auto last = store.last_document_review(document_id, locale);
    if (!last) return {};
    const auto version = store.current_version(document_id);
    if (!version) return standing_of(store, *last, "the document is gone", as_of);
    return review_standing(store, *version, store.version_translations(document_id, version->version, locale), last,
                           as_of);
}

std::string as_of_option(const std::string& as_of, const reviews::Clock& clock) {
    if (as_of.empty()) return clock.today();
    const auto date = locales::parse_date(as_of);
    if (!date) throw UsageError("--as-of " + as_of + " is not a date (YYYY-MM-DD)");
    return *date;
}

std::string read_xml_file(const std::string& path, std::uintmax_t max_bytes) {
    std::string bytes = read_file(path, max_bytes);
    // Another encoding, as its mark or declaration says: read as UTF-8.
    if (const std::string encoding = xliff::declared_encoding(bytes); !encoding.empty()) {
        std::string problem;
        std::optional<std::string> utf8 = locales::to_utf8(bytes, encoding, problem);
        if (!utf8)  // what names the encoding is at the start of the file
            throw InputError(path, problem,
                             "save the file as UTF-8 in the tool that wrote it, or name its real encoding in its XML "
                             "declaration",
                             1, 1);
        bytes = std::move(*utf8);
    }
    if (const auto bad = locales::find_invalid_utf8(bytes)) {
        const locales::TextPosition at = locales::position_of(bytes, *bad);
        throw InputError(path, "invalid UTF-8", "save the file as UTF-8 in the tool that wrote it", at.line, at.column);
    }
    return bytes;
}

}  // namespace medloc::pipeline
