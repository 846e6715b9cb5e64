// people.cpp - the registry, signing in, signing acts.
#include "app/people.h"

#include "io/errors.h"
#include "locales/locales.h"
#include "locales/names.h"

namespace medloc::pipeline {
namespace {

using reviews::Role;

constexpr std::size_t kMinPassphrase = 8;

[[noreturn]] void refuse_sign_in(reviews::Store& store, const Credentials& credentials, const std::string& command,
                                 const std::string& reason, const reviews::Clock& clock) {
    {
        const auto transaction = store.transaction(reviews::Access::write);
        store.add_failed_attempt({clock.now(), credentials.person_id, command, reason});
        transaction->commit();
    }
    throw SignInRefused(command + " as " + locales::visible(credentials.person_id) + ": " + reason +
                        "; the failed attempt is recorded");
}

// The person's signing key, if the passphrase opens it. Opening the seal
// checks the passphrase: its MAC fails for any other, so a sign-in costs one
// Argon2id, not two. Only a refusal asks the passphrase hash which of two
// things went wrong: every refusal takes two (reviews::take_refusal_time).
struct OpenedKey {
    std::optional<reviews::SigningKey> key;
    std::string refusal;
};

OpenedKey opened_key(const reviews::Person& person, const std::string& passphrase) {
    std::optional<reviews::SigningKey> key = reviews::SigningKey::unseal(person.sealed_key, passphrase);
    if (key && key->public_key() == person.public_key) return {std::move(key), ""};
    if (!reviews::passphrase_matches(person.passphrase_hash, passphrase)) return {std::nullopt, "wrong passphrase"};
    return {std::nullopt, "the signing key does not open with this passphrase"};
}

std::string roles_wanted(const std::vector<Role>& roles) {
    std::string text;
    for (std::size_t i = 0; i < roles.size(); ++i)
        text += (i == 0 ? "" : i + 1 == roles.size() ? " or " : ", ") + std::string(reviews::to_string(roles[i]));
    return text;
}

// The change's entry in the log, by `actor`.
reviews::PersonChange change_by(const reviews::Person& actor, reviews::PersonChange::Kind kind,
                                const reviews::Person& person, const std::string& at, const std::string& origin) {
    reviews::PersonChange change;
    change.at = at;
    change.actor = actor.name;
    change.actor_id = actor.id;
    change.role = kind == reviews::PersonChange::Kind::passphrase_changed ? actor.roles.front() : Role::publisher;
    change.kind = kind;
    change.person_id = person.id;
    change.name = person.name;
    change.roles = person.roles;
    change.public_key = person.public_key;
    change.origin = origin;
    return change;
}

// The new person's record, checked against everyone registered.
reviews::Person checked_person(reviews::Store& store, const NewPerson& person, const reviews::SigningKey& key,
                               const std::string& now) {
    const locales::CheckedName name{check_new_person(person), {}};
    for (const reviews::Person& other : store.people()) {
        if (other.id == person.id || locales::ids_confusable(other.id, person.id))
            throw InputError("person id " + person.id, "could be taken for " + other.id + " (" + other.name + ")",
                             "choose an id no one could mistake for another person's");
        if (locales::names_confusable(other.name, name.name))
            throw InputError("--name \"" + name.name + "\"", "could be taken for " + other.name + " (" + other.id + ")",
                             "register each person once, under a name that tells them apart");
    }
    reviews::Person record;
    record.id = person.id;
    record.name = name.name;
    record.roles = person.roles;
    record.passphrase_hash = reviews::hash_passphrase(person.passphrase);
    record.public_key = key.public_key();
    record.sealed_key = key.seal(person.passphrase);
    record.registered_at = now;
    return record;
}

}  // namespace

std::string check_new_person(const NewPerson& person) {
    if (const std::string problem = locales::id_problem(person.id); !problem.empty())
        throw UsageError("person id \"" + locales::visible(person.id) + "\": " + problem);
    const locales::CheckedName name = locales::check_name(person.name);
    if (!name.problem.empty())
        throw UsageError("--name \"" + locales::visible(person.name) + "\" is refused: " + name.problem);
    if (person.roles.empty())
        throw UsageError("--roles needs at least one of translator, reviser, clinical, publisher");
    check_new_passphrase(person.passphrase);
    return name.name;
}

void check_new_passphrase(const std::string& passphrase) {
    if (passphrase.size() < kMinPassphrase)
        throw UsageError("a passphrase has at least " + std::to_string(kMinPassphrase) + " characters");
}

SignedIn sign_in(reviews::Store& store, const Credentials& credentials, const std::vector<Role>& roles,
                 const std::string& command, const reviews::Clock& clock) {
    if (credentials.person_id.empty())
        throw UsageError(command + " is done by a registered person: name them with --as ID (or MEDLOC_AS)");
    std::optional<reviews::Person> person = store.person(credentials.person_id);
    if (!person && store.people().empty())
        throw UsageError(
            "no one is registered in this project yet; its owner registers first with medloc init "
            "--owner ID --name \"Full Name\" (README, \"People\")");
    if (!person) {
        // As long as a wrong passphrase takes, so that the time of a refusal
        // does not tell which ids are registered.
        reviews::take_refusal_time(credentials.passphrase);
        refuse_sign_in(store, credentials, command, "no registered person has this id", clock);
    }
    if (person->disabled_at) refuse_sign_in(store, credentials, command, "this person was disabled", clock);
    OpenedKey opened = opened_key(*person, credentials.passphrase);
    if (!opened.key) refuse_sign_in(store, credentials, command, opened.refusal, clock);
    bool allowed = roles.empty();
    for (const Role role : roles) allowed = allowed || person->holds(role);
    if (!allowed)
        throw Refused(command + " needs the " + roles_wanted(roles) + " role; " + person->name + " (" + person->id +
                      ") holds " + reviews::role_list(person->roles) + "\n");
    return {std::move(*person), std::move(*opened.key)};
}

std::optional<reviews::Person> active_person(reviews::Store& store, const std::string& id) {
    std::optional<reviews::Person> person = store.person(id);
    if (person && person->disabled_at) return std::nullopt;
    return person;
}

void sign_act(reviews::Store& store, const SignedIn& signer) {
    const auto head = store.unsigned_head();
    if (!head) return;
    store.add_signature({head->last_event, signer.person.id,
                         signer.key.sign(reviews::act_message(store.settings().project_id, head->hash))});
}

void register_owner(reviews::Store& store, const NewPerson& owner, const reviews::Clock& clock) {
    const auto transaction = store.transaction(reviews::Access::write);
    if (!store.people().empty())
        throw UsageError("this project has an owner already; publishers add people with medloc people add");
    reviews::SigningKey key = reviews::SigningKey::generate();
    NewPerson publisher = owner;
    publisher.roles = {Role::publisher};
    const reviews::Person person = checked_person(store, publisher, key, clock.now());
    store.put_person(person);
    store.add_person_change(
        change_by(person, reviews::PersonChange::Kind::registered, person, person.registered_at, "medloc init"));
    sign_act(store, SignedIn{person, std::move(key)});
    transaction->commit();
}

void add_person(reviews::Store& store, const SignedIn& publisher, const NewPerson& person,
                const reviews::Clock& clock) {
    const auto transaction = store.transaction(reviews::Access::write);
    const reviews::SigningKey key = reviews::SigningKey::generate();
    const reviews::Person record = checked_person(store, person, key, clock.now());
    store.put_person(record);
    store.add_person_change(change_by(publisher.person, reviews::PersonChange::Kind::registered, record,
                                      record.registered_at, "medloc people add"));
    sign_act(store, publisher);
    transaction->commit();
}

void disable_person(reviews::Store& store, const SignedIn& publisher, const std::string& id,
                    const reviews::Clock& clock) {
    const auto transaction = store.transaction(reviews::Access::write);
    std::optional<reviews::Person> person = store.person(id);
    if (!person)
        throw InputError("person " + locales::visible(id), "no registered person has this id",
                         "see medloc people list");
    if (person->disabled_at) throw InputError("person " + id, "is disabled already", "nothing to do");
    if (person->id == publisher.person.id)
        throw InputError("person " + id, "is you", "another publisher disables a publisher");
    person->disabled_at = clock.now();
    store.put_person(*person);
    store.add_person_change(change_by(publisher.person, reviews::PersonChange::Kind::disabled, *person,
                                      *person->disabled_at, "medloc people disable"));
    sign_act(store, publisher);
    transaction->commit();
}

void change_passphrase(reviews::Store& store, const SignedIn& person, const std::string& passphrase,
                       const reviews::Clock& clock) {
    check_new_passphrase(passphrase);
    const auto transaction = store.transaction(reviews::Access::write);
    reviews::Person record = person.person;
    record.passphrase_hash = reviews::hash_passphrase(passphrase);
    record.sealed_key = person.key.seal(passphrase);
    store.put_person(record);
    store.add_person_change(
        change_by(record, reviews::PersonChange::Kind::passphrase_changed, record, clock.now(), "medloc passwd"));
    sign_act(store, person);
    transaction->commit();
}

}  // namespace medloc::pipeline
