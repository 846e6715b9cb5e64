// decisions.cpp - state changes and the four-eyes rule.
#include "app/decisions.h"

#include "locales/locales.h"

namespace medloc::pipeline {
namespace {

using reviews::Act;
using reviews::Meaning;
using reviews::Role;
using reviews::State;

std::string normalized_name(std::string_view name) {
    std::string out;
    for (const char c : locales::fold_case(name)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

Decision refuse(std::string reason) { return {Decision::Kind::refuse, {}, {}, std::move(reason)}; }
Decision skip(std::string reason) { return {Decision::Kind::skip, {}, {}, std::move(reason)}; }
Decision apply(State state, Meaning meaning) { return {Decision::Kind::apply, state, meaning, {}}; }

Decision decide_revise(State state, const reviews::People& people, std::string_view actor, Role role) {
    if (role != Role::reviser) return refuse("revising takes --role reviser");
    if (reviews::is_untranslated(state)) return refuse("not translated yet");
    if (state != State::translated) return skip(std::string("already ") + reviews::to_string(state));
    if (same_person(actor, people.translator))
        return refuse(people.translator + " translated it; a second person must revise it");
    return apply(State::revised, Meaning::revised);
}

Decision decide_approve(State state, const reviews::People& people, std::string_view actor, Role role) {
    if (role != Role::clinical) return refuse("clinical approval takes --role clinical");
    if (reviews::is_untranslated(state)) return refuse("not translated yet");
    if (state == State::translated) return refuse("not revised yet; a reviser must revise it first");
    if (state == State::approved) return skip("already approved");
    if (same_person(actor, people.translator))
        return refuse(people.translator + " translated it; the clinical approver must be someone else");
    if (same_person(actor, people.reviser))
        return refuse(people.reviser + " revised it; the clinical approver must be someone else");
    return apply(State::approved, Meaning::approved);
}

Decision decide_reject(State state, Role role) {
    if (role != Role::reviser && role != Role::clinical) return refuse("rejecting takes --role reviser or clinical");
    if (reviews::is_untranslated(state)) return skip("nothing to reject");
    return apply(State::needs_translation, Meaning::rejected);
}

}  // namespace

bool same_person(std::string_view a, std::string_view b) { return normalized_name(a) == normalized_name(b); }

Decision decide(Act act, State state, const reviews::People& people, std::string_view actor, Role role) {
    switch (act) {
    case Act::revise: return decide_revise(state, people, actor, role);
    case Act::approve: return decide_approve(state, people, actor, role);
    case Act::reject: return decide_reject(state, role);
    }
    return skip({});
}

}  // namespace medloc::pipeline
