// people.cpp - `medloc people add|disable|list` and `medloc passwd`.
#include "app/people.h"
#include "commands.h"
#include "io/errors.h"
#include "passphrase.h"
#include "reviews/keys.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace medloc::pipeline {

int run_people_add(const Context& context, const PeopleOptions& options) {
    const auto roles = reviews::parse_role_list(options.roles);
    if (!roles)
        throw UsageError("--roles " + options.roles +
                         ": give translator, reviser, clinical or publisher, comma-separated");
    const auto store = open_project(context);
    NewPerson person{options.id, options.name, *roles, {}};
    person.passphrase = read_new_passphrase(options.new_password_file, options.id);
    check_new_person(person);
    const SignedIn publisher =
        sign_in(*store, credentials(context), {reviews::Role::publisher}, "people add", context.services.clock);
    add_person(*store, publisher, person, context.services.clock);
    const auto added = store->person(options.id);
    context.out << "Registered " << added->name << " (" << added->id << "): " << reviews::role_list(added->roles)
                << "; signing key fingerprint " << reviews::key_fingerprint(added->public_key) << "\n";
    return 0;
}

int run_people_disable(const Context& context, const PeopleOptions& options) {
    const auto store = open_project(context);
    const SignedIn publisher =
        sign_in(*store, credentials(context), {reviews::Role::publisher}, "people disable", context.services.clock);
    disable_person(*store, publisher, options.id, context.services.clock);
    context.out << "Disabled " << options.id << "; their history stays, and they can no longer act\n";
    return 0;
}

int run_people_list(const Context& context, const PeopleOptions& options) {
    const auto store = open_project(context);
    const auto reading = store->transaction(reviews::Access::read);
    const std::vector<reviews::Person> people = store->people();
    reading->commit();
    if (options.json) {
        nlohmann::ordered_json json = nlohmann::ordered_json::array();
        for (const reviews::Person& person : people)
            json.push_back({{"id", person.id},
                            {"name", person.name},
                            {"roles", reviews::role_list(person.roles)},
                            {"registered_at", person.registered_at},
                            {"disabled_at", person.disabled_at ? nlohmann::ordered_json(*person.disabled_at)
                                                               : nlohmann::ordered_json(nullptr)},
                            {"key_fingerprint", reviews::key_fingerprint(person.public_key)}});
        context.out << json.dump(2) << "\n";
        return 0;
    }
    for (const reviews::Person& person : people)
        context.out << person.id << "  " << person.name << "  " << reviews::role_list(person.roles)
                    << (person.disabled_at ? "  (disabled " + *person.disabled_at + ")" : "") << "  key "
                    << reviews::key_fingerprint(person.public_key) << "\n";
    context.out << people.size() << " person(s)\n";
    return 0;
}

int run_passwd(const Context& context, const PeopleOptions& options) {
    const auto store = open_project(context);
    const SignedIn person = sign_in(*store, credentials(context), {}, "passwd", context.services.clock);
    const std::string passphrase = read_new_passphrase(options.new_password_file, person.person.id);
    change_passphrase(*store, person, passphrase, context.services.clock);
    context.out << "Changed the passphrase of " << person.person.name << " (" << person.person.id
                << "); the signing key stays the same\n";
    return 0;
}

}  // namespace medloc::pipeline
