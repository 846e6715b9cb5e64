// people.cpp - the log of one translation, read from its last new target on.
#include "reviews/people.h"

namespace medloc::reviews {
namespace {

std::vector<Contributor> authors_of(Store& store, const Event& event) {
    std::vector<Contributor> authors{{event.actor_id, event.actor}};
    if (!event.for_id.empty()) {
        const auto person = store.person(event.for_id);
        authors.push_back({event.for_id, person ? person->name : event.for_id});
    }
    return authors;
}

// The people of a translation after one more entry of its log.
void follow(Store& store, TargetPeople& people, const LogEntry& entry) {
    const Event* event = std::get_if<Event>(&entry.record);
    if (!event) return;
    switch (event->meaning) {
    case Meaning::translated:
    case Meaning::kept_source:
        people = {authors_of(store, *event), std::nullopt, std::nullopt, {}, event->meaning == Meaning::kept_source};
        break;
    case Meaning::revised:
        // Logs from before rewrites were translations hold a reviser's
        // rewrite as a revision; its translator stays who they were.
        people.reviser = Contributor{event->actor_id, event->actor};
        break;
    case Meaning::approved:
        people.approval = *event;
        people.approval_hash = entry.hash;
        break;
    case Meaning::rejected:
    case Meaning::invalidated:
        if (event->state == State::needs_translation) people = {};
        break;
    case Meaning::waived: break;
    }
}

}  // namespace

TargetPeople people_of(Store& store, std::string_view segment_id, std::string_view locale) {
    TargetPeople people;
    for (const LogEntry& entry : store.segment_log(segment_id, locale)) follow(store, people, entry);
    return people;
}

DocumentPeople::DocumentPeople(Store& store, std::string_view document_id, std::string_view locale) {
    store.read_document_events(document_id, locale, [&](const LogEntry& entry) {
        if (const Event* event = std::get_if<Event>(&entry.record); event && !event->segment_id.empty())
            follow(store, by_segment_[event->segment_id], entry);
    });
}

TargetPeople DocumentPeople::of(const std::string& segment_id) const {
    const auto found = by_segment_.find(segment_id);
    return found == by_segment_.end() ? TargetPeople{} : found->second;
}

}  // namespace medloc::reviews
