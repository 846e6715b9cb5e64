// signoff.cpp - translations and their events, built the same way everywhere.
#include "signoff.h"

#include "reviews/hash.h"

namespace medloc::pipeline {
namespace {

reviews::Event event_for(const reviews::StoredSegment& segment, const reviews::Translation& translation,
                         const std::optional<std::string>& target, reviews::Meaning meaning, const Signer& signer) {
    reviews::Event event;
    event.at = signer.at;
    event.document_id = segment.document_id;
    event.segment_id = segment.id;
    event.locale = translation.locale;
    event.actor = signer.actor;
    event.actor_id = signer.actor_id;
    event.for_id = signer.for_id;
    event.role = signer.role;
    event.meaning = meaning;
    event.state = translation.state;
    event.source = segment.source;
    event.target = target;
    event.comment = signer.comment;
    event.origin = signer.origin;
    return event;
}

}  // namespace

Change new_target(const reviews::StoredSegment& segment, const std::string& locale, const std::string& target,
                  reviews::State state, reviews::Meaning meaning, const Signer& signer) {
    Change change;
    reviews::Translation& translation = change.translation;
    translation.segment_id = segment.id;
    translation.locale = locale;
    translation.state = state;
    translation.target = target;
    translation.updated_at = signer.at;
    translation.updated_by = signer.actor;
    change.event = event_for(segment, translation, target, meaning, signer);
    return change;
}

Change reviewed(const reviews::StoredSegment& segment, const reviews::Translation& current, const Decision& decision,
                const Signer& signer) {
    Change change;
    reviews::Translation& translation = change.translation;
    translation = current;
    translation.state = decision.state;
    translation.updated_at = signer.at;
    translation.updated_by = signer.actor;
    if (decision.state == reviews::State::needs_translation) {
        translation.previous_source = segment.source;
        translation.previous_target = current.target;
        translation.target.reset();
    }
    // The event names the target the act was about, also when rejected.
    change.event = event_for(segment, translation, current.target, decision.meaning, signer);
    return change;
}

std::string targets_hash(const std::vector<reviews::TranslatedSegment>& segments) {
    std::string signed_targets;
    for (const auto& [segment, translation] : segments) {
        signed_targets += segment.id + '\0';
        if (translation && translation->target) signed_targets += *translation->target;
        signed_targets += '\0';
    }
    return reviews::sha256_hex(signed_targets);
}

reviews::DocumentReview whole_document_review(const reviews::DocumentVersion& version, const std::string& locale,
                                              const std::vector<reviews::TranslatedSegment>& segments,
                                              const Signer& signer) {
    reviews::DocumentReview review;
    review.at = signer.at;
    review.document_id = version.document_id;
    review.locale = locale;
    review.actor = signer.actor;
    review.actor_id = signer.actor_id;
    review.role = signer.role;
    review.version = version.version;
    review.source_sha256 = version.source_sha256;
    review.targets_sha256 = targets_hash(segments);
    review.comment = signer.comment;
    review.origin = signer.origin;
    return review;
}

void remember(Change& change, const reviews::StoredSegment& segment, const reviews::TargetPeople& people,
              const std::string& source_locale, const std::string& context) {
    if (!change.translation.target || change.translation.state != reviews::State::approved) return;
    reviews::MemoryUnit unit;
    unit.source_language = source_locale;
    unit.target_language = change.translation.locale;
    unit.source = segment.source;
    unit.plain = segment.plain;
    unit.target = *change.translation.target;
    if (!people.authors.empty()) {
        unit.translator = people.authors.front().name;
        unit.translator_id = people.authors.front().id;
    }
    unit.approver = change.event.actor;
    unit.created_at = change.event.at;
    unit.changed_at = change.event.at;
    unit.document_id = segment.document_id;
    unit.context = context;
    unit.origin = reviews::kProjectMemory;
    change.remembered = std::move(unit);
}

void store_change(reviews::Store& store, const Change& change) {
    store.put_translation(change.translation);
    store.add_event(change.event);
    if (change.remembered) store.add_memory_unit(*change.remembered);
}

}  // namespace medloc::pipeline
