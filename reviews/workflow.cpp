// workflow.cpp - state changes and the four-eyes rule.
#include "reviews/workflow.h"

#include <cctype>

namespace medloc::reviews {
namespace {

std::string normalized_name(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

Decision refuse(std::string reason) { return {Decision::Kind::refuse, {}, {}, std::move(reason)}; }
Decision skip(std::string reason) { return {Decision::Kind::skip, {}, {}, std::move(reason)}; }
Decision apply(std::string state, std::string meaning) {
    return {Decision::Kind::apply, std::move(state), std::move(meaning), {}};
}

bool untranslated(std::string_view state) { return state == "new" || state == "needs-translation"; }

}  // namespace

bool same_person(std::string_view a, std::string_view b) { return normalized_name(a) == normalized_name(b); }

People people_of(Store& store, std::string_view segment_id, std::string_view locale) {
    People people;
    for (const StoredEvent& stored : store.segment_events(segment_id, locale)) {
        const Event& event = stored.event;
        if (event.meaning == "translated") {
            people = {event.actor, {}, std::nullopt};
        } else if (event.meaning == "revised") {
            // A reviser who rewrote the text revised someone's translation;
            // the translator stays who they were.
            people.reviser = event.actor;
        } else if (event.meaning == "approved for clinical accuracy") {
            people.approval = event;
        } else if (event.state == "needs-translation") {
            people = {};
        }
    }
    return people;
}

Decision decide(Act act, std::string_view state, const People& people, std::string_view actor, std::string_view role) {
    switch (act) {
    case Act::revise:
        if (role != "reviser") return refuse("revising takes --role reviser");
        if (untranslated(state)) return refuse("not translated yet");
        if (state != "translated") return skip("already " + std::string(state));
        if (same_person(actor, people.translator))
            return refuse(people.translator + " translated it; a second person must revise it");
        return apply("revised", "revised");
    case Act::approve:
        if (role != "clinical") return refuse("clinical approval takes --role clinical");
        if (untranslated(state)) return refuse("not translated yet");
        if (state == "translated") return refuse("not revised yet; a reviser must revise it first");
        if (state == "approved") return skip("already approved");
        if (same_person(actor, people.translator))
            return refuse(people.translator + " translated it; the clinical approver must be someone else");
        if (same_person(actor, people.reviser))
            return refuse(people.reviser + " revised it; the clinical approver must be someone else");
        return apply("approved", "approved for clinical accuracy");
    case Act::reject:
        if (role != "reviser" && role != "clinical") return refuse("rejecting takes --role reviser or clinical");
        if (untranslated(state)) return skip("nothing to reject");
        return apply("needs-translation", "rejected");
    }
    return skip({});
}

}  // namespace medloc::reviews
