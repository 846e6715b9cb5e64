// decisions.cpp - state changes and the four-eyes rule.
#include "app/decisions.h"

#include "locales/locales.h"

namespace medloc::pipeline {
namespace {

using reviews::Act;
using reviews::Contributor;
using reviews::Meaning;
using reviews::Role;
using reviews::State;

// A name as names from before the registry compare: folded, single spaces.
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

// The author of the target that `actor` is, if any.
const Contributor* author_among(const reviews::TargetPeople& people, const Contributor& actor) {
    for (const Contributor& author : people.authors)
        if (same_person(author, actor)) return &author;
    return nullptr;
}

Decision decide_revise(State state, const reviews::TargetPeople& people, const Contributor& actor, Role role) {
    if (role != Role::reviser) return refuse("revising takes the reviser role");
    if (reviews::is_untranslated(state)) return refuse("not translated yet");
    if (state != State::translated) return skip(std::string("already ") + reviews::to_string(state));
    if (const Contributor* author = author_among(people, actor))
        return refuse(author->name + " translated it; a second person must revise it");
    return apply(State::revised, Meaning::revised);
}

Decision decide_approve(State state, const reviews::TargetPeople& people, const Contributor& actor, Role role) {
    if (role != Role::clinical) return refuse("clinical approval takes the clinical role");
    if (reviews::is_untranslated(state)) return refuse("not translated yet");
    if (state == State::translated) return refuse("not revised yet; a reviser must revise it first");
    if (state == State::approved) return skip("already approved");
    if (const Contributor* author = author_among(people, actor))
        return refuse(author->name + " translated it; the clinical approver must be someone else");
    if (people.reviser && same_person(*people.reviser, actor))
        return refuse(people.reviser->name + " revised it; the clinical approver must be someone else");
    return apply(State::approved, Meaning::approved);
}

Decision decide_reject(State state, Role role) {
    if (role != Role::reviser && role != Role::clinical) return refuse("rejecting takes the reviser or clinical role");
    if (reviews::is_untranslated(state)) return skip("nothing to reject");
    return apply(State::needs_translation, Meaning::rejected);
}

// A waiver is a clinician's, and never an author's: the errors of a text
// are not waived by who wrote it.
Decision decide_waive(State state, const reviews::TargetPeople& people, const Contributor& actor, Role role) {
    if (role != Role::clinical) return refuse("waiving a QA error takes the clinical role");
    if (reviews::is_untranslated(state)) return skip("nothing to waive");
    if (const Contributor* author = author_among(people, actor))
        return refuse(author->name + " translated it; its QA errors must be waived by a clinician who did not");
    return apply(state, Meaning::waived);
}

// Only a target not yet signed off can become the source text: a revised
// or approved one is rejected first, so that the change is seen.
Decision decide_keep_source(State state, Role role) {
    if (role != Role::translator && role != Role::reviser)
        return refuse("keeping the source text as the translation takes the translator or reviser role");
    if (state == State::revised || state == State::approved)
        return refuse(std::string("already ") + reviews::to_string(state) +
                      "; a reviser or clinician must reject it before its translation can change");
    return apply(State::translated, Meaning::kept_source);
}

}  // namespace

bool same_person(const Contributor& a, const Contributor& b) {
    if (!a.id.empty() && !b.id.empty()) return a.id == b.id;
    return normalized_name(a.name) == normalized_name(b.name);
}

bool took_part(const reviews::TargetPeople& people, const Contributor& person) {
    for (const Contributor& author : people.authors)
        if (same_person(author, person)) return true;
    return people.reviser && same_person(*people.reviser, person);
}

Decision decide(Act act, State state, const reviews::TargetPeople& people, const Contributor& actor, Role role) {
    switch (act) {
    case Act::revise: return decide_revise(state, people, actor, role);
    case Act::approve: return decide_approve(state, people, actor, role);
    case Act::reject: return decide_reject(state, role);
    case Act::waive: return decide_waive(state, people, actor, role);
    case Act::keep_source: return decide_keep_source(state, role);
    }
    return skip({});
}

}  // namespace medloc::pipeline
