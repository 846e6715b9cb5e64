// Real signers (issue 10): registered people, passphrases, signatures that
// cannot be forged without the signer, rewrites that are translations,
// time that only goes forward, a history no one can forge lines into.
// Each case below failed on the medloc before people were registered.
#include "reviews/store.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

using namespace medloc;
using namespace medloc::test;

namespace {

const std::string kDoc = "amps-children.txt";

// The sample article extracted by pat into a project of the test people.
struct Sample {
    TempDir dir;
    fs::path db = new_project(dir, "es-US");

    Sample() {
        write_file(dir / "docs" / kDoc, read_file(corpus_dir() / kDoc));
        REQUIRE(ok({"extract", (dir / "docs").string(), "--as", "pat"}));
    }

    bool ok(const std::vector<std::string>& args) const { return succeeds(db, args); }

    // The pseudo-translation, as `translator` (and maybe for someone else).
    fs::path pseudo() const {
        REQUIRE(ok({"export", "--locale", "es-US", "--out", (dir / "pseudo").string(), "--pseudo"}));
        return dir / "pseudo" / "es-US" / (kDoc + ".xlf");
    }

    void translate(const std::string& translator, const std::vector<std::string>& more = {}) const {
        std::vector<std::string> args = {"import", pseudo().string(), "--as", translator, "--role", "translator"};
        args.insert(args.end(), more.begin(), more.end());
        REQUIRE(ok(args));
    }

    std::vector<std::string> review(const std::string& act, const std::string& who) const {
        return {"review", act, "--locale", "es-US", "--doc", kDoc, "--as", who};
    }

    Result sql(const std::string& statement) const { return run({"sqlite3", db.string(), statement}); }

    // Every table as SQL, the failed attempts left out.
    std::string dump_but_attempts() const {
        std::string kept;
        std::istringstream lines(sql(".dump").out);
        for (std::string line; std::getline(lines, line);)
            if (line.find("failed_attempt") == std::string::npos) kept += line + "\n";
        return kept;
    }

    // Revised by ben, refused to `author` (who wrote the targets), approved
    // by carla and built: the manifest.
    nlohmann::json approved_and_built(const std::string& author, const std::string& name) const {
        REQUIRE(ok(review("revise", "ben")));
        check_refused(db, review("approve", author), "refused",
                      name + " translated it; the clinical approver must be someone else", 3);
        REQUIRE(ok(review("approve", "carla")));
        REQUIRE(ok({"build", "--locale", "es-US", "--out", (dir / "dist").string(), "--as", "pat"}));
        return nlohmann::json::parse(read_file(dir / "dist" / "es-US" / "manifest.json"));
    }

    nlohmann::json es() const {
        const Result status = run_medloc(db, {"status", "--json"});
        return nlohmann::json::parse(status.out)["documents"][0]["locales"]["es-US"];
    }
};

std::vector<std::string> add_person(const std::string& id, const std::string& name, const std::string& roles) {
    return {"people", "add", id, "--name", name, "--roles", roles, "--as", "pat"};
}

}  // namespace

TEST_CASE("look-alike and invisible-character names are refused at registration", "[people]") {
    Sample sample;
    const std::string file = passphrase_file(sample.db, "new").string();
    const auto add = [&](const std::string& id, const std::string& name) {
        std::vector<std::string> args = add_person(id, name, "reviser");
        args.insert(args.end(), {"--new-password-file", file});
        return args;
    };
    // Ana Ruiz is registered (ana, translator); none of these may be a second person.
    check_refused(sample.db, add("ana2", "\xD0\x90na Ruiz"), "could be taken for Ana Ruiz (ana)", "");  // Cyrillic A
    check_refused(sample.db, add("ana3", "Ana\xC2\xA0Ruiz"), "could be taken for Ana Ruiz (ana)", "");  // NBSP
    check_refused(sample.db, add("ana4", "Ana Ruiz."), "could be taken for Ana Ruiz (ana)", "");
    check_refused(sample.db, add("ana5", "Dr. Ana Ruiz"), "could be taken for Ana Ruiz (ana)", "");
    check_refused(sample.db, add("ana6", "ANA  ruiz"), "could be taken for Ana Ruiz (ana)", "");
    check_refused(sample.db, add("ana7", "Ana Ruiz\xE2\x80\x8B"), "invisible or control character U+200B", "", 1);
    check_refused(sample.db, add("ana8", "Ana \xE2\x80\xAERuiz"), "invisible or control character U+202E", "", 1);
    // Ids: a look-alike of an id, and an id that is not plain ASCII.
    check_refused(sample.db, add("car1a", "Carla Other"), "could be taken for carla (Dr. Carla Chen)", "");
    check_refused(sample.db, add("\xD0\xB0na", "Someone New"), "an id starts with a letter a-z", "", 1);
    check_refused(sample.db, add("n\xD0\xB0", "Someone New"), "an id has only a-z", "", 1);
    // Someone really new is welcome, and so is a namesake told apart.
    REQUIRE(sample.ok(add("gil", "Gil Moreno")));
    REQUIRE(sample.ok(add("ana.ruiz.garcia",
                          "Ana Ruiz Garc\xC3\xAD"
                          "a")));
}

TEST_CASE("a newline or an escape in a name is refused, so history cannot be forged", "[people]") {
    Sample sample;
    std::vector<std::string> args =
        add_person("ben2", "Ben Ode\n2026-11-26T10:00:00Z  approved by Dr. Gregory House (clinical)", "reviser");
    args.insert(args.end(), {"--new-password-file", passphrase_file(sample.db, "ben2").string()});
    check_refused(sample.db, args, "invisible or control character U+000A", "", 1);
    args[4] = "Ben \x1b[2KOde";
    check_refused(sample.db, args, "invisible or control character U+001B", "", 1);
}

TEST_CASE("an unregistered person and a wrong passphrase are refused, and only the attempt is recorded", "[people]") {
    Sample sample;
    sample.translate("ana");
    const std::string before = sample.dump_but_attempts();
    const std::vector<std::string> revise = sample.review("revise", "ben");

    std::vector<std::string> stranger = revise;
    stranger[7] = "mallory";
    const Result unknown = run_medloc(sample.db, stranger);
    CHECK(unknown.exit_code == 3);
    CHECK(unknown.err.find("as mallory: no registered person has this id; the failed attempt is recorded") !=
          std::string::npos);

    std::vector<std::string> wrong = revise;
    wrong.insert(wrong.end(), {"--password-file", passphrase_file(sample.db, "ana").string()});
    const Result guessed = run_medloc(sample.db, wrong);
    CHECK(guessed.exit_code == 3);
    CHECK(guessed.err.find("as ben: wrong passphrase") != std::string::npos);

    CHECK(sample.dump_but_attempts() == before);
    CHECK(sample.sql("SELECT person || ': ' || reason FROM failed_attempt ORDER BY id").out ==
          "mallory: no registered person has this id\nben: wrong passphrase\n");
    CHECK(sample.es()["translated"] == 73);
}

// Signing in opens the person's sealed key with the passphrase, which is the
// check of the passphrase; the passphrase hash only names what went wrong.
TEST_CASE("a sealed key swapped in the registry does not sign in with the right passphrase or its hash", "[people]") {
    Sample sample;
    sample.translate("ana");
    const std::vector<std::string> revise = sample.review("revise", "ben");
    // ana's seal under ben's name: ben's passphrase does not open it.
    REQUIRE(sample
                .sql("UPDATE person SET sealed_key = (SELECT sealed_key FROM person WHERE id = 'ana') "
                     "WHERE id = 'ben'")
                .exit_code == 0);
    std::string before = sample.dump_but_attempts();
    const Result swapped = run_medloc(sample.db, revise);
    CHECK(swapped.exit_code == 3);
    CHECK(swapped.err.find("as ben: the signing key does not open with this passphrase") != std::string::npos);
    CHECK(sample.dump_but_attempts() == before);
    // ana's seal, key and passphrase hash under ben's name, opened with
    // ana's passphrase: sign-in takes it, but nothing it signs verifies.
    REQUIRE(sample
                .sql("UPDATE person SET (passphrase_hash, public_key) = (SELECT passphrase_hash, public_key FROM "
                     "person WHERE id = 'ana') WHERE id = 'ben'")
                .exit_code == 0);
    before = sample.dump_but_attempts();
    std::vector<std::string> as_ana = revise;
    as_ana.insert(as_ana.end(), {"--password-file", passphrase_file(sample.db, "ana").string()});
    const Result wrong = run_medloc(sample.db, revise);
    CHECK(wrong.exit_code == 3);
    CHECK(wrong.err.find("as ben: wrong passphrase") != std::string::npos);
    CHECK(sample.dump_but_attempts() == before);
    REQUIRE(run_medloc(sample.db, as_ana).exit_code == 0);
    const Result audit = run_medloc(sample.db, {"audit", "verify"});
    CHECK(audit.exit_code != 0);
    CHECK(audit.out.find("is not ben's signature") != std::string::npos);
}

TEST_CASE("a disabled person stays in history and can no longer act", "[people]") {
    Sample sample;
    sample.translate("ana");
    REQUIRE(sample.ok({"people", "disable", "ana", "--as", "pat"}));
    const Result again =
        run_medloc(sample.db, {"import", sample.pseudo().string(), "--as", "ana", "--role", "translator"});
    CHECK(again.exit_code == 3);
    CHECK(again.err.find("this person was disabled") != std::string::npos);
    const Result history = run_medloc(sample.db, {"history", "--doc", kDoc});
    CHECK(history.out.find("by Ana Ruiz (translator)") != std::string::npos);
    const nlohmann::json people = nlohmann::json::parse(run_medloc(sample.db, {"people", "list", "--json"}).out);
    bool listed = false;
    for (const nlohmann::json& person : people)
        listed = listed || (person["id"] == "ana" && !person["disabled_at"].is_null());
    CHECK(listed);
    REQUIRE(sample.ok(sample.review("revise", "ben")));
    CHECK(run_medloc(sample.db, {"audit", "verify"}).exit_code == 0);
}

TEST_CASE("an approval appended by a script with a recomputed hash fails audit verify and blocks the build",
          "[people][audit]") {
    Sample sample;
    sample.translate("ana");
    REQUIRE(sample.ok(sample.review("revise", "ben")));
    REQUIRE(sample.ok({"audit", "verify"}));
    {
        // What a script does with the store's own code: every hash right,
        // no signer's passphrase.
        const auto store = reviews::open_project(sample.db.string());
        const auto writing = store->transaction(reviews::Access::write);
        const auto version = store->current_version(kDoc);
        for (const reviews::StoredSegment& segment : store->version_segments(kDoc, version->version)) {
            reviews::Translation translation = *store->translation(segment.id, "es-US");
            translation.state = reviews::State::approved;
            store->put_translation(translation);
            reviews::Event event;
            event.at = "2099-01-01T00:00:00Z";
            event.document_id = kDoc;
            event.segment_id = segment.id;
            event.locale = "es-US";
            event.actor = "Dr. Carla Chen";
            event.actor_id = "carla";
            event.role = reviews::Role::clinical;
            event.meaning = reviews::Meaning::approved;
            event.state = reviews::State::approved;
            event.source = segment.source;
            event.target = translation.target;
            store->add_event(event);
        }
        reviews::DocumentReview review;
        review.at = "2099-01-01T00:00:00Z";
        review.document_id = kDoc;
        review.locale = "es-US";
        review.actor = "Dr. Carla Chen";
        review.actor_id = "carla";
        review.version = version->version;
        review.source_sha256 = version->source_sha256;
        store->add_document_review(review);
        writing->commit();
    }
    CHECK(sample.es()["approved"] == 73);  // the forgery is in the tables

    const Result verify = run_medloc(sample.db, {"audit", "verify"});
    CHECK(verify.exit_code == 4);
    CHECK(verify.out.find("are signed by no one: they were written outside medloc") != std::string::npos);

    // A signature made up for them does not help.
    REQUIRE(sample
                .sql("INSERT INTO signature (last_event, signer, signature) SELECT MAX(id), 'carla', '" +
                     std::string(128, 'a') + "' FROM event")
                .exit_code == 0);
    const Result forged = run_medloc(sample.db, {"audit", "verify"});
    CHECK(forged.exit_code == 4);
    CHECK(forged.out.find("is not carla's signature") != std::string::npos);

    const Result build =
        run_medloc(sample.db, {"build", "--locale", "es-US", "--out", (sample.dir / "dist").string(), "--as", "pat"});
    CHECK(build.exit_code == 3);
    CHECK(build.err.find("(the event log)") != std::string::npos);
    CHECK_FALSE(fs::exists(sample.dir / "dist" / "es-US"));
}

TEST_CASE("a reviser's rewrite is a translation: a second reviser must revise it", "[people][review]") {
    Sample sample;
    sample.translate("ana");
    // fay (reviser and clinical) returns the file with every target rewritten.
    std::string text = read_file(sample.pseudo());
    for (std::size_t at = 0; (at = text.find("<target state=\"translated\">[", at)) != std::string::npos; ++at)
        text.replace(at, 28, "<target state=\"signed-off\">[(");  // still a pseudo-translation for the checks
    write_file(sample.dir / "fay.xlf", text);
    REQUIRE(sample.ok({"import", (sample.dir / "fay.xlf").string(), "--as", "fay", "--role", "reviser"}));
    CHECK(sample.es()["translated"] == 73);  // not revised: fay wrote it
    check_refused(sample.db, sample.review("revise", "fay"), "refused",
                  "Fay Lind translated it; a second person must revise it", 3);
    const nlohmann::json manifest = sample.approved_and_built("fay", "Fay Lind");
    CHECK(manifest["documents"][0]["translators"] == nlohmann::json::array({"Fay Lind"}));
    CHECK(manifest["owner_key_fingerprint"].get<std::string>().size() == 39);
}

TEST_CASE("an import done for someone else counts both as authors", "[people][review]") {
    Sample sample;
    sample.translate("ana", {"--for", "dan"});
    check_refused(sample.db, sample.review("revise", "dan"), "refused",
                  "Dan Alder translated it; a second person must revise it", 3);
    const nlohmann::json manifest = sample.approved_and_built("dan", "Dan Alder");
    CHECK(manifest["documents"][0]["translators"] == nlohmann::json::array({"Ana Ruiz", "Dan Alder"}));
    // --for names someone who can do the work.
    const Result not_a_translator = run_medloc(
        sample.db, {"import", sample.pseudo().string(), "--as", "ana", "--role", "translator", "--for", "ben"});
    CHECK(not_a_translator.exit_code == 1);
    CHECK(not_a_translator.err.find("Ben Ode does not hold the translator role") != std::string::npos);
}

TEST_CASE("a clock that went back is refused, with nothing changed", "[people][clock]") {
    Sample sample;
    const std::string before = read_file(sample.db);
    setenv("MEDLOC_TEST_NOW", "2001-01-01T00:00:00Z", 1);
    const Result result =
        run_medloc(sample.db, {"import", sample.pseudo().string(), "--as", "ana", "--role", "translator"});
    unsetenv("MEDLOC_TEST_NOW");
    CHECK(result.exit_code == 4);
    CHECK(result.err.find("the clock went back: it says 2001-01-01T00:00:00Z") != std::string::npos);
    CHECK(read_file(sample.db) == before);
}

TEST_CASE("a passphrase changes, the key and every signature stay", "[people]") {
    Sample sample;
    const fs::path fresh = sample.dir / "fresh.passphrase";
    write_file(fresh, "a fresh passphrase for ana\n");
    REQUIRE(sample.ok({"passwd", "--as", "ana", "--new-password-file", fresh.string()}));
    const Result old =
        run_medloc(sample.db, {"import", sample.pseudo().string(), "--as", "ana", "--role", "translator"});
    CHECK(old.exit_code == 3);
    REQUIRE(sample.ok({"import", sample.pseudo().string(), "--role", "translator", "--as", "ana", "--password-file",
                       fresh.string()}));
    const Result verify = run_medloc(sample.db, {"audit", "verify"});
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("owner: Pat Publisher (pat), key fingerprint ") != std::string::npos);
}

TEST_CASE("history shows inline codes, and escapes what people typed", "[people][history]") {
    Sample sample;
    sample.translate("ana");
    REQUIRE(sample.ok(sample.review("revise", "ben")));
    std::vector<std::string> reject = sample.review("reject", "carla");
    reject.insert(reject.end(), {"--comment", "bad\n2026-01-01T00:00:00Z  es-US  approved by Dr. House \x1b[2K"});
    REQUIRE(sample.ok(reject));
    const Result history = run_medloc(sample.db, {"history", "--doc", kDoc});
    CHECK(history.out.find("comment: bad\\n2026-01-01T00:00:00Z  es-US  approved by Dr. House \\u{001B}[2K") !=
          std::string::npos);
    CHECK(history.out.find('\x1b') == std::string::npos);
}

TEST_CASE("the command line: global options anywhere, --version, roles in --help", "[people][cli]") {
    Sample sample;
    const Result version = run({MEDLOC_BINARY, "--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("medloc 0.2.0") != std::string::npos);
    const Result after = run({MEDLOC_BINARY, "status", "--json", "--db", sample.db.string()});
    CHECK(after.exit_code == 0);
    const Result help = run({MEDLOC_BINARY, "--help"});
    CHECK(help.out.find("Roles: translator, reviser, clinical, publisher") != std::string::npos);
    const Result review_help = run({MEDLOC_BINARY, "review", "--help"});
    CHECK(review_help.out.find("approve (role clinical)") != std::string::npos);
    // MEDLOC_AS and MEDLOC_PASSWORD_FILE name the person as --as and --password-file do.
    setenv("MEDLOC_AS", "ana", 1);
    setenv("MEDLOC_PASSWORD_FILE", passphrase_file(sample.db, "ana").string().c_str(), 1);
    const Result imported =
        run({MEDLOC_BINARY, "import", sample.pseudo().string(), "--role", "translator", "--db", sample.db.string()});
    unsetenv("MEDLOC_AS");
    unsetenv("MEDLOC_PASSWORD_FILE");
    CHECK(imported.exit_code == 0);
    CHECK(imported.out.find("imported by Ana Ruiz (ana)") != std::string::npos);
}
