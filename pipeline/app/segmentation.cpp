// segmentation.cpp - the rules a project cuts its sentences by (see segmentation.h).
#include "app/segmentation.h"

#include "app/project.h"
#include "io/errors.h"
#include "io/files.h"
#include "reviews/hash.h"
#include "xliff/srx.h"
#include "xliff/xliff.h"

#include <filesystem>

namespace medloc::pipeline {
namespace {

// How large a rules file may be, and how many rules may apply to a
// language: Okapi's and OmegaT's files are some tens of KiB, with some
// hundred rules a language. Every rule runs over every paragraph.
constexpr std::uintmax_t kMaxRulesBytes = 4u << 20;
constexpr std::size_t kMostRules = 2000;

ProjectSegmentation segmentation_of(std::string_view srx, const std::string& source_locale) {
    ProjectSegmentation segmentation;
    segmentation.sha256 = reviews::sha256_hex(srx);
    segmentation.rules = xliff::read_srx(srx).rules_for(source_locale, &segmentation.language_rules);
    return segmentation;
}

// The rules of `srx`, read from `file`, checked to apply to the source language.
ProjectSegmentation checked_segmentation(const std::string& file, std::string_view srx,
                                         const std::string& source_locale) {
    ProjectSegmentation segmentation;
    try {
        segmentation = segmentation_of(srx, source_locale);
    } catch (const xliff::ReadError& e) {
        const locales::TextPosition at = locales::position_of(srx, e.offset);
        throw InputError(file, e.what(), e.todo, at.line, at.column);
    }
    if (segmentation.rules.size() > kMostRules)
        throw InputError(file,
                         std::to_string(segmentation.rules.size()) + " rules apply to " + source_locale +
                             ", more than the " + std::to_string(kMostRules) + " medloc runs over every paragraph",
                         "keep the rules the project needs; medloc's own rules decide where none matches");
    if (segmentation.language_rules.empty())
        throw InputError(file, "no <languagemap> of the file matches the project's source language " + source_locale,
                         "add a languagemap for it (languagepattern=\"" +
                             source_locale.substr(0, source_locale.find('-')) + ".*\", or \".*\" for any language)");
    return segmentation;
}

}  // namespace

ProjectSegmentation project_segmentation(reviews::Store& store) {
    const std::string srx = store.segmentation_rules();
    if (srx.empty()) return {};
    try {
        return segmentation_of(srx, store.settings().source_locale);
    } catch (const xliff::ReadError& e) {
        // It was checked when it was set; only a change outside medloc gets here.
        throw InputError("the project's segmentation rules", std::string("cannot be read: ") + e.what(),
                         "run medloc audit verify, then set the rules again with medloc segmentation set");
    }
}

std::string segmentation_sha256(reviews::Store& store) {
    const std::string srx = store.segmentation_rules();
    return srx.empty() ? std::string() : reviews::sha256_hex(srx);
}

ProjectSegmentation read_segmentation_file(const std::string& file, const std::string& source_locale) {
    return checked_segmentation(file, read_xml_file(file, kMaxRulesBytes), source_locale);
}

SegmentationOutcome set_segmentation(reviews::Store& store, const SegmentationRequest& request,
                                     const Services& services) {
    SegmentationOutcome outcome;
    std::string srx;
    if (!request.file.empty()) {
        srx = read_xml_file(request.file, kMaxRulesBytes);
        outcome.segmentation = checked_segmentation(request.file, srx, store.settings().source_locale);
    }
    const SignedIn publisher =
        sign_in(store, request.credentials, {reviews::Role::publisher}, "segmentation set", services.clock);
    const auto transaction = store.transaction(reviews::Access::write);
    if (store.segmentation_rules() == srx) {
        outcome.unchanged = true;
        return outcome;
    }
    reviews::SegmentationChange change;
    change.at = services.clock.now();
    change.actor = publisher.person.name;
    change.actor_id = publisher.person.id;
    change.sha256 = reviews::sha256_hex(srx);
    change.comment = !request.comment.empty() ? request.comment
                     : request.file.empty()   ? std::string("medloc's own rules")
                                              : std::to_string(outcome.segmentation.rules.size()) + " rules for " +
                                                  store.settings().source_locale;
    change.origin = request.file.empty() ? "" : std::filesystem::path(request.file).filename().string();
    store.put_segmentation_rules(change, srx);
    sign_act(store, publisher);
    transaction->commit();
    return outcome;
}

}  // namespace medloc::pipeline
