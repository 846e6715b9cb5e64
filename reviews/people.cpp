// people.cpp - the log of one translation, read from its last new target on.
#include "reviews/people.h"

namespace medloc::reviews {

People people_of(Store& store, std::string_view segment_id, std::string_view locale) {
    People people;
    for (const LogEntry& entry : store.segment_log(segment_id, locale)) {
        const Event* event = std::get_if<Event>(&entry.record);
        if (!event) continue;
        switch (event->meaning) {
        case Meaning::translated: people = {event->actor, {}, std::nullopt}; break;
        case Meaning::revised:
            // A reviser who rewrote the text revised someone's translation;
            // the translator stays who they were.
            people.reviser = event->actor;
            break;
        case Meaning::approved: people.approval = *event; break;
        case Meaning::rejected:
        case Meaning::invalidated:
            if (event->state == State::needs_translation) people = {};
            break;
        }
    }
    return people;
}

}  // namespace medloc::reviews
