// document_view.cpp - a document as a reviewer reads it (see document_view.h).
#include "app/document_view.h"

#include "io/errors.h"
#include "reviews/hash.h"

namespace medloc::pipeline {
namespace {

// Each part framed by its length, so that no two different views hash alike.
void add_part(std::string& text, std::string_view part) {
    text += std::to_string(part.size());
    text += ':';
    text += part;
}

std::string translation_text(const reviews::StoredSegment& segment,
                             const std::optional<reviews::Translation>& translation) {
    std::string text;
    add_part(text, segment.id);
    add_part(text, segment.source);
    add_part(text, reviews::to_string(translation ? translation->state : reviews::State::new_));
    add_part(text, translation && translation->target ? "target" : "none");
    add_part(text, translation && translation->target ? *translation->target : "");
    return text;
}

std::string version_text(const reviews::DocumentVersion& version, const std::string& locale) {
    std::string text;
    add_part(text, version.document_id);
    add_part(text, std::to_string(version.version));
    add_part(text, version.source_sha256);
    add_part(text, locale);
    return text;
}

}  // namespace

std::string segment_fingerprint(const reviews::StoredSegment& segment,
                                const std::optional<reviews::Translation>& translation) {
    return reviews::sha256_hex(translation_text(segment, translation));
}

std::string document_fingerprint(reviews::Store& store, const reviews::DocumentVersion& version,
                                 const std::string& locale) {
    std::string text = version_text(version, locale);
    for (const auto& [segment, translation] : store.version_translations(version.document_id, version.version, locale))
        text += translation_text(segment, translation);
    return reviews::sha256_hex(text);
}

DocumentView document_view(reviews::Store& store, const std::string& document_id, const std::string& locale,
                           const std::string& as_of) {
    DocumentView view;
    view.locale = target_locale_option(store.settings(), locale);
    const auto reading = store.transaction(reviews::Access::read);
    std::optional<reviews::DocumentVersion> version = store.current_version(document_id);
    if (!version || store.is_retired(document_id))
        throw InputError("document " + document_id, "no such document in publication", "see medloc status");
    view.version = std::move(*version);
    Checks checks(store, view.locale);
    std::string shown = version_text(view.version, view.locale);
    for (auto& [segment, translation] : store.version_translations(document_id, view.version.version, view.locale)) {
        SegmentView here;
        here.translation = std::move(translation);
        here.state = here.translation ? here.translation->state : reviews::State::new_;
        if (here.translation) here.findings = checks.of(segment, *here.translation);
        for (const SegmentFinding& finding : here.findings) view.open_errors += finding.blocks() ? 1 : 0;
        view.approved += here.state == reviews::State::approved ? 1 : 0;
        const std::string text = translation_text(segment, here.translation);
        here.fingerprint = reviews::sha256_hex(text);
        shown += text;
        here.segment = std::move(segment);
        view.segments.push_back(std::move(here));
    }
    view.fingerprint = reviews::sha256_hex(shown);
    view.review = review_standing(store, document_id, view.locale, as_of);
    reading->commit();
    return view;
}

}  // namespace medloc::pipeline
