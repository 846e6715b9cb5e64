// The registry and signed acts (app/people.h), in process with a fixed clock.
#include "app/people.h"

#include "io/errors.h"
#include "reviews/keys.h"
#include "temp_project.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

using namespace medloc;
using namespace medloc::pipeline;
namespace fs = std::filesystem;

namespace {

struct Project : test::TempProject {
    // An entry of a log from before people were registered: a free-text name.
    void legacy_event(const std::string& actor_id = {}) {
        const auto writing = store->transaction(reviews::Access::write);
        reviews::DocumentVersion version{"a.txt", 1, "text", "abc", 3, "{}", clock.now(), ""};
        if (!store->current_version("a.txt")) {
            store->add_document_version(version);
            store->add_segment({"s1", "a.txt", "Hi.", "Hi.", 1, "title", "", std::nullopt, std::nullopt}, 1);
        }
        reviews::Event event;
        event.at = clock.now();
        event.document_id = "a.txt";
        event.segment_id = "s1";
        event.locale = "es-US";
        event.actor = "Ana Ruiz";
        event.actor_id = actor_id;
        event.role = reviews::Role::translator;
        event.meaning = reviews::Meaning::translated;
        event.state = reviews::State::translated;
        event.source = "Hi.";
        event.target = "Hola.";
        store->add_event(event);
        store->put_translation({"s1", "es-US", reviews::State::translated, "Hola.", clock.now(), "Ana Ruiz", {}, {}});
        writing->commit();
    }
};

const NewPerson kOwner{"pat", "Pat Publisher", {reviews::Role::publisher}, "pat's passphrase"};

}  // namespace

TEST_CASE("an older project gets its owner, and its earlier entries stay unsigned and counted", "[app][people]") {
    Project project;
    project.legacy_event();
    project.legacy_event();
    register_owner(*project.store, kOwner, project.clock);
    const reviews::AuditReport report = project.store->verify_log();
    CHECK(report.problem.empty());
    CHECK(report.unsigned_legacy_entries == 2);
    CHECK(report.owner_id == "pat");
    CHECK(report.owner_fingerprint == reviews::key_fingerprint(project.store->person("pat")->public_key));
    CHECK(report.signatures_checked == 1);
    // A second owner is not a thing.
    CHECK_THROWS_AS(register_owner(*project.store, kOwner, project.clock), UsageError);
}

TEST_CASE("after the owner, an entry without a signer fails the log", "[app][people]") {
    Project project;
    register_owner(*project.store, kOwner, project.clock);
    project.legacy_event();
    CHECK_THAT(project.store->verify_log().problem, Catch::Contains("names no registered person"));
}

TEST_CASE("an act signed by someone other than who wrote it fails the log", "[app][people]") {
    Project project;
    register_owner(*project.store, kOwner, project.clock);
    const SignedIn pat = sign_in(*project.store, {"pat", kOwner.passphrase}, {}, "test", project.clock);
    add_person(*project.store, pat, {"ana", "Ana Ruiz", {reviews::Role::translator}, "ana's passphrase"},
               project.clock);
    project.legacy_event("ana");  // ana's entry...
    {
        const auto writing = project.store->transaction(reviews::Access::write);
        sign_act(*project.store, pat);  // ...signed by pat
        writing->commit();
    }
    CHECK_THAT(project.store->verify_log().problem, Catch::Contains("names ana but is signed by pat"));
}

TEST_CASE("signing in: the passphrase, the role, a disabled person", "[app][people]") {
    Project project;
    register_owner(*project.store, kOwner, project.clock);
    CHECK_THROWS_AS(sign_in(*project.store, {"pat", "not pat's"}, {}, "test", project.clock), SignInRefused);
    CHECK_THROWS_AS(
        sign_in(*project.store, {"pat", kOwner.passphrase}, {reviews::Role::clinical}, "test", project.clock), Refused);
    const SignedIn pat =
        sign_in(*project.store, {"pat", kOwner.passphrase}, {reviews::Role::publisher}, "test", project.clock);
    add_person(*project.store, pat, {"ben", "Ben Ode", {reviews::Role::reviser}, "ben's passphrase"}, project.clock);
    disable_person(*project.store, pat, "ben", project.clock);
    CHECK_THROWS_AS(sign_in(*project.store, {"ben", "ben's passphrase"}, {}, "test", project.clock), SignInRefused);
    CHECK(project.store->verify_log().problem.empty());
}

TEST_CASE("a sealed key opens only with its passphrase", "[reviews][keys]") {
    const reviews::SigningKey key = reviews::SigningKey::generate();
    const std::string sealed = key.seal("correct horse");
    CHECK_FALSE(reviews::SigningKey::unseal(sealed, "wrong horse"));
    const auto opened = reviews::SigningKey::unseal(sealed, "correct horse");
    REQUIRE(opened);
    CHECK(opened->public_key() == key.public_key());
    const std::string signature = key.sign("message");
    CHECK(reviews::signature_valid(key.public_key(), "message", signature));
    CHECK_FALSE(reviews::signature_valid(key.public_key(), "massage", signature));
    const std::string hash = reviews::hash_passphrase("correct horse");
    CHECK(hash.starts_with("$argon2id$"));
    CHECK(reviews::passphrase_matches(hash, "correct horse"));
    CHECK_FALSE(reviews::passphrase_matches(hash, "correct horse "));
}
