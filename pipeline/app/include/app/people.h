// people: the project's registry of people, and signing in.
//
// Every act that changes a project is done by a registered person who signs
// in with their passphrase and holds the role the act needs; the act's
// entries in the log carry their id, and the act ends with their signature
// over the log (sign_act). The registry's own changes are such acts, by a
// publisher; the owner, registered at init, is the first.
#pragma once

#include "reviews/clock.h"
#include "reviews/keys.h"
#include "reviews/people.h"
#include "reviews/store.h"

#include <optional>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct Credentials {
    std::string person_id;
    std::string passphrase;
};

// A person signed in for one act; their unsealed key signs it.
struct SignedIn {
    reviews::Person person;
    reviews::SigningKey key;

    reviews::Contributor contributor() const { return {person.id, person.name}; }
};

// Signs `credentials` in for `command`, which needs one of `roles` (any
// when empty). An unknown or disabled person or a wrong passphrase is
// recorded as a failed attempt and throws SignInRefused; a missing role
// throws Refused.
SignedIn sign_in(reviews::Store& store, const Credentials& credentials, const std::vector<reviews::Role>& roles,
                 const std::string& command, const reviews::Clock& clock);

// The registered person with this id, unless disabled: who the workspace
// shows as signed in, and which acts it offers them.
std::optional<reviews::Person> active_person(reviews::Store& store, const std::string& id);

// Signs everything the act wrote to the log, inside its transaction.
void sign_act(reviews::Store& store, const SignedIn& signer);

struct NewPerson {
    std::string id;
    std::string name;
    std::vector<reviews::Role> roles;
    std::string passphrase;
};

// The owner of a project: its first publisher, registering themselves.
// Refused when the project has people already.
void register_owner(reviews::Store& store, const NewPerson& owner, const reviews::Clock& clock);

// By a publisher. Refused (InputError) for an id or name that is not one,
// or that could be taken for a registered person's.
void add_person(reviews::Store& store, const SignedIn& publisher, const NewPerson& person, const reviews::Clock& clock);
void disable_person(reviews::Store& store, const SignedIn& publisher, const std::string& id,
                    const reviews::Clock& clock);
// By the person themselves: the hash and the seal of their key change, the
// key does not.
void change_passphrase(reviews::Store& store, const SignedIn& person, const std::string& passphrase,
                       const reviews::Clock& clock);

// Throws UsageError unless `person` could be registered (its id, name,
// roles and passphrase; not yet against the people registered): its name
// as it will be kept.
std::string check_new_person(const NewPerson& person);

// Throws UsageError unless `passphrase` is long enough to be one.
void check_new_passphrase(const std::string& passphrase);

}  // namespace medloc::pipeline
