// Clinical review: the life of the sample article through translation,
// revision and approval; four eyes; review dates; invalidation when the
// source changes; sign-off through XLIFF; and a log that shows tampering.
#include "reviews/people.h"
#include "reviews/store.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <ctime>
#include <map>

using namespace medloc;
using namespace medloc::test;

namespace {

const std::string kDoc = "amps-children.txt";

// The sample article in a project, pseudo-translated by Ana Ruiz into every
// target locale.
struct Translated {
    TempDir dir;
    fs::path db;
    fs::path document;

    explicit Translated(const std::vector<std::string>& locales = {"es-US"}, const std::string& translator = "ana")
        : document(dir / "docs" / kDoc) {
        std::string targets;
        for (const std::string& locale : locales) targets += (targets.empty() ? "" : ",") + locale;
        db = new_project(dir, targets);
        write_file(document, read_file(corpus_dir() / kDoc));
        REQUIRE(ok({"extract", (dir / "docs").string(), "--as", "pat"}));
        for (const std::string& locale : locales) {
            REQUIRE(ok({"export", "--locale", locale, "--out", (dir / "pseudo").string(), "--pseudo"}));
            REQUIRE(ok({"import", (dir / "pseudo" / locale / (kDoc + ".xlf")).string(), "--as", translator, "--role",
                        "translator"}));
        }
    }

    bool ok(const std::vector<std::string>& args) const { return succeeds(db, args); }

    std::vector<std::string> review(const std::string& act, const std::string& who, const std::string& role,
                                    const std::string& locale = "es-US") const {
        return {"review", act, "--locale", locale, "--doc", kDoc, "--as", who, "--role", role};
    }

    nlohmann::json status(const std::string& as_of = {}) const {
        std::vector<std::string> args = {"status", "--json"};
        if (!as_of.empty()) args.insert(args.end(), {"--as-of", as_of});
        const Result result = run_medloc(db, args);
        REQUIRE(result.exit_code == 0);
        return nlohmann::json::parse(result.out);
    }
};

// `date` moved by whole years (the review period of the tests is 36 months).
std::string years_on(const std::string& date, int years) {
    std::string moved = std::to_string(std::stoi(date.substr(0, 4)) + years) + date.substr(4);
    if (moved.substr(5) == "02-29") moved.replace(8, 2, "28");
    return moved;
}

}  // namespace

TEST_CASE("the sample article's whole life in one locale, with its review date", "[review]") {
    Translated project;
    REQUIRE(project.ok(project.review("revise", "ben", "reviser")));
    // The test build's clock (commands/seams/test.cpp): the approval is
    // stamped on a leap day, so its review is due on the last day of
    // February three years on.
    const std::string today = "2028-02-29";
    setenv("MEDLOC_TEST_NOW", "2028-02-29T10:00:00Z", 1);
    const bool approved = project.ok(project.review("approve", "carla", "clinical"));
    unsetenv("MEDLOC_TEST_NOW");
    REQUIRE(approved);

    const nlohmann::json status = project.status();
    const nlohmann::json& es = status["documents"][0]["locales"]["es-US"];
    CHECK(es["approved"] == 73);
    CHECK(es["review"]["last_reviewed"] == today);
    CHECK(es["review"]["reviewer"] == "Dr. Carla Chen");
    CHECK(es["review"]["next_due"] == "2031-02-28");
    CHECK(es["review"]["standing"] == "current");

    const std::string due = years_on(today, 3);
    CHECK(project.status(due)["documents"][0]["locales"]["es-US"]["review"]["standing"] == "due");
    const std::string past = years_on(today, 4);
    CHECK(project.status(past)["documents"][0]["locales"]["es-US"]["review"]["standing"] == "expired");
    const Result text = run_medloc(project.db, {"status", "--as-of", past});
    CHECK(text.out.find("next due " + due + " (expired)") != std::string::npos);

    // Every act is in the log with who, role, meaning and the exact text.
    const Result history = run_medloc(project.db, {"history", "--doc", kDoc, "--json"});
    const nlohmann::json events = nlohmann::json::parse(history.out);
    std::map<std::string, int> meanings;
    for (const nlohmann::json& event : events)
        ++meanings[event["meaning"].get<std::string>() + " by " + event["actor"].get<std::string>()];
    CHECK(meanings["translated by Ana Ruiz"] == 73);
    CHECK(meanings["revised by Ben Ode"] == 73);
    CHECK(meanings["approved for clinical accuracy by Dr. Carla Chen"] == 73);
    CHECK(meanings[std::string(reviews::kDocumentReviewMeaning) + " by Dr. Carla Chen"] == 1);
    CHECK(events.back()["source"].get<std::string>().find("source sha256") != std::string::npos);
    CHECK(run_medloc(project.db, {"audit", "verify"}).exit_code == 0);
}

TEST_CASE("four eyes: nobody revises or approves their own work", "[review][gate]") {
    // dan holds every role, fay reviser and clinical: only four eyes stop them.
    Translated project({"es-US"}, "dan");
    check_refused(project.db, project.review("revise", "dan", "reviser"), "refused",
                  "Dan Alder translated it; a second person must revise it", 3);
    check_refused(project.db, project.review("approve", "carla", "clinical"), "refused", "not revised yet", 3);
    REQUIRE(project.ok(project.review("revise", "fay", "reviser")));
    check_refused(project.db, project.review("approve", "fay", "clinical"), "refused",
                  "Fay Lind revised it; the clinical approver must be someone else", 3);
    check_refused(project.db, project.review("approve", "dan", "clinical"), "refused",
                  "Dan Alder translated it; the clinical approver must be someone else", 3);
    // A role the person does not hold is refused before any rule.
    check_refused(project.db, project.review("approve", "ben", "clinical"), "refused",
                  "review approve needs the clinical role; Ben Ode (ben) holds reviser", 3);
    check_refused(project.db, project.review("approve", "fay", "reviser"), "refused",
                  "clinical approval takes the clinical role", 3);
    REQUIRE(project.ok(project.review("approve", "carla", "clinical")));
}

TEST_CASE("a rejection needs a comment and sends the text back with its target kept", "[review][gate]") {
    Translated project;
    REQUIRE(project.ok(project.review("revise", "ben", "reviser")));
    check_refused(project.db, project.review("reject", "carla", "clinical"),
                  "medloc: a rejection needs --comment saying what is wrong, for the translator\n", "", 1);

    std::vector<std::string> reject = project.review("reject", "carla", "clinical");
    reject.insert(reject.end(), {"--comment", "Dose wording unclear"});
    REQUIRE(project.ok(reject));
    CHECK(project.status()["documents"][0]["locales"]["es-US"]["needs-translation"] == 73);
    const auto opened = reviews::open_project(project.db.string());
    reviews::Store& store = *opened;
    const auto version = store.current_version(kDoc);
    for (const reviews::StoredSegment& segment : store.version_segments(kDoc, version->version)) {
        const auto translation = store.translation(segment.id, "es-US");
        CHECK_FALSE(translation->target);
        REQUIRE(translation->previous_target);
        CHECK(translation->previous_target->front() == '[');  // the pseudo-translation, kept
    }
}

TEST_CASE("an edited sentence loses its approval in every locale, and only it", "[review][change]") {
    Translated project({"es-US", "ar"});
    for (const char* locale : {"es-US", "ar"}) {
        REQUIRE(project.ok(project.review("revise", "ben", "reviser", locale)));
        REQUIRE(project.ok(project.review("approve", "carla", "clinical", locale)));
    }
    std::string text = read_file(project.document);
    const std::string before = "Although AMPS can afflict anyone";
    text.replace(text.find(before), before.size(), "Although AMPS can affect anyone");
    write_file(project.document, text);
    REQUIRE(project.ok({"extract", (project.dir / "docs").string(), "--as", "pat"}));

    const nlohmann::json status = project.status();
    for (const char* locale : {"es-US", "ar"}) {
        const nlohmann::json& counts = status["documents"][0]["locales"][locale];
        CHECK(counts["approved"] == 72);
        CHECK(counts["needs-translation"] == 1);
        CHECK(counts["stale"] == 1);
    }
    const auto opened = reviews::open_project(project.db.string());
    reviews::Store& store = *opened;
    const auto version = store.current_version(kDoc);
    std::string edited;
    for (const reviews::StoredSegment& segment : store.version_segments(kDoc, version->version))
        if (segment.plain.starts_with("Although AMPS can affect anyone")) edited = segment.id;
    REQUIRE_FALSE(edited.empty());
    for (const char* locale : {"es-US", "ar"}) {
        const auto translation = store.translation(edited, locale);
        REQUIRE(translation);
        CHECK(translation->state == reviews::State::needs_translation);
        REQUIRE(translation->previous_target);
        CHECK(translation->previous_target->find("Åļţĥöûĝĥ ÅṀÞŠ çåñ åƒƒļîçţ") != std::string::npos);
    }
    const Result history = run_medloc(project.db, {"history", "--segment", edited, "--locale", "es-US"});
    INFO(history.out);
    CHECK(history.out.find("the edited text of") != std::string::npos);
    CHECK(history.out.find("approved for clinical accuracy -> approved, by Dr. Carla Chen") != std::string::npos);
    CHECK(history.out.find("invalidated: source text changed -> needs-translation") != std::string::npos);
    CHECK(history.out.find("(was approved)") != std::string::npos);
    CHECK(run_medloc(project.db, {"audit", "verify"}).exit_code == 0);
}

TEST_CASE("sign-off through XLIFF follows the same rules as the review command", "[review][import]") {
    Translated project({"es-US"}, "dan");
    const auto exported_with = [&](const std::string& from, const std::string& to) {
        fs::remove_all(project.dir / "out");
        REQUIRE(project.ok({"export", "--locale", "es-US", "--out", (project.dir / "out").string()}));
        const fs::path file = project.dir / "out" / "es-US" / (kDoc + ".xlf");
        std::string text = read_file(file);
        for (std::size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, from.size(), to);
        write_file(file, text);
        return file.string();
    };
    const std::string signed_off = exported_with("state=\"translated\"", "state=\"signed-off\"");
    check_refused(project.db, {"import", signed_off, "--as", "dan", "--role", "reviser"}, "refused",
                  "Dan Alder translated it; a second person must revise it", 3);
    REQUIRE(project.ok({"import", signed_off, "--as", "fay", "--role", "reviser"}));
    CHECK(project.status()["documents"][0]["locales"]["es-US"]["revised"] == 73);

    const std::string final_state = exported_with("<target state=\"signed-off\"", "<target state=\"final\"");
    check_refused(project.db, {"import", final_state, "--as", "fay", "--role", "clinical"}, "refused",
                  "Fay Lind revised it; the clinical approver must be someone else", 3);
    // A translator's file that says final approves nothing.
    REQUIRE(project.ok({"import", final_state, "--as", "eve", "--role", "translator"}));
    CHECK(project.status()["documents"][0]["locales"]["es-US"]["approved"] == 0);
    REQUIRE(project.ok({"import", final_state, "--as", "carla", "--role", "clinical"}));
    const nlohmann::json es = project.status()["documents"][0]["locales"]["es-US"];
    CHECK(es["approved"] == 73);
    CHECK(es["review"]["reviewer"] == "Dr. Carla Chen");

    // A later import that changes an approved target takes the approval away.
    const std::string changed = exported_with("<target state=\"final\">[", "<target state=\"final\">(");
    REQUIRE(project.ok({"import", changed, "--as", "ana", "--role", "translator"}));
    CHECK(project.status()["documents"][0]["locales"]["es-US"]["approved"] == 0);
    const Result history = run_medloc(project.db, {"history", "--doc", kDoc});
    CHECK(history.out.find("replaces the approved target") != std::string::npos);
}

TEST_CASE("the event log refuses edits, and audit verify finds them when forced", "[review][audit]") {
    Translated project;
    REQUIRE(project.ok(project.review("revise", "ben", "reviser")));
    const std::string db = project.db.string();
    CHECK(run_medloc(project.db, {"audit", "verify"}).exit_code == 0);

    // The triggers refuse a quiet edit.
    for (const char* edit : {"UPDATE event SET state = 0 WHERE id = 5", "DELETE FROM event WHERE id = 5",
                             "UPDATE stamp SET actor = 'Someone Else' WHERE id = 2", "DELETE FROM stamp WHERE id = 2",
                             "UPDATE text SET content = 'Texto' WHERE id = 2", "DELETE FROM text WHERE id = 2"}) {
        INFO(edit);
        const Result refused = run({"sqlite3", db, edit});
        CHECK(refused.exit_code != 0);
        CHECK(refused.err.find("append-only") != std::string::npos);
    }

    // Each tampering forced past the triggers, and what audit verify says of it.
    const auto tampered = [&](const std::string& sql, const std::string& says) {
        REQUIRE(run({"sqlite3", db, sql}).exit_code == 0);
        const Result verify = run_medloc(project.db, {"audit", "verify"});
        CHECK(verify.exit_code == 4);
        CHECK(verify.out.find(says) != std::string::npos);
        return verify.out;
    };
    SECTION("an event's text changed") {
        const std::string out = tampered(
            "DROP TRIGGER event_is_append_only_update; "
            "UPDATE event SET target = source WHERE id = 5",
            "does not match its hash");
        CHECK(out.find("event 5 (") != std::string::npos);
        const Result json = run_medloc(project.db, {"audit", "verify", "--json"});
        CHECK(json.exit_code == 4);
        const nlohmann::json report = nlohmann::json::parse(json.out);
        CHECK(report["intact"] == false);
        CHECK(report["problem"].get<std::string>().starts_with("event 5 ("));
    }
    SECTION("an event's state changed, to another or to a number no medloc writes") {
        for (const char* state : {"4", "9"}) {
            INFO(state);
            const Result copy = run({"cp", db, db + ".untouched"});
            REQUIRE(copy.exit_code == 0);
            const std::string out = tampered(
                "DROP TRIGGER IF EXISTS event_is_append_only_update; UPDATE event SET state = " + std::string(state) +
                    " WHERE id = 5",
                "does not match its hash");
            CHECK(out.find("event 5 (") != std::string::npos);
            REQUIRE(run({"mv", db + ".untouched", db}).exit_code == 0);
        }
    }
    SECTION("a text an event refers to changed") {
        // Each distinct text is stored once: every event that holds it no
        // longer matches its hash, the first of them is named.
        const std::string out = tampered(
            "DROP TRIGGER text_is_append_only_update; UPDATE text SET content = 'Texto cambiado' "
            "WHERE id = (SELECT target FROM event WHERE id = 5)",
            "does not match its hash");
        CHECK(out.find("Texto cambiado") == std::string::npos);
    }
    SECTION("who acted changed") {
        const std::string out = tampered(
            "DROP TRIGGER stamp_is_append_only_update; UPDATE stamp SET actor = 'Someone Else' "
            "WHERE id = (SELECT stamp FROM event WHERE id = 5)",
            "does not match its hash");
        CHECK(out.find("Someone Else") != std::string::npos);
    }
    SECTION("the first event deleted") {
        tampered("DROP TRIGGER event_is_append_only_delete; DELETE FROM event WHERE id = 1", "event 2 (");
        CHECK(run_medloc(project.db, {"audit", "verify"})
                  .out.find("is the first of the log: an event before it was "
                            "removed") != std::string::npos);
    }
    SECTION("an event deleted") {
        const std::string out = tampered("DROP TRIGGER event_is_append_only_delete; DELETE FROM event WHERE id = 7",
                                         "does not follow event 6");
        CHECK(out.find("event 8 (") != std::string::npos);
    }
    SECTION("a translation changed outside medloc") {
        tampered(
            "INSERT INTO text (key, content) VALUES (0, 'Texto cambiado'); "
            "UPDATE translation SET target = last_insert_rowid() WHERE segment_id = (SELECT segment_id FROM "
            "translation ORDER BY segment_id LIMIT 1 OFFSET 2)",
            "not what its last event says");
    }
    SECTION("the last event deleted") {
        tampered("DROP TRIGGER event_is_append_only_delete; DELETE FROM event WHERE id = (SELECT MAX(id) FROM event)",
                 "covers no act of its own: events were removed");
    }
}

// audit verify reads the log in batches and checks them beside its reads:
// on a log of thousands of entries and hundreds of signed acts, a tampered
// entry or signature far into it is named as an entry-by-entry walk names it.
TEST_CASE("audit verify names a tampered entry or signature deep in a long log", "[review][audit]") {
    TempDir dir;
    const fs::path db = new_project(dir, "es-US");
    REQUIRE(succeeds(db, {"extract", corpus_dir().string(), "--as", "pat"}));
    REQUIRE(succeeds(db, {"export", "--locale", "es-US", "--out", (dir / "x").string(), "--pseudo"}));
    std::vector<std::string> import = {"import", "--as", "ana", "--role", "translator"};
    for (const auto& entry : fs::directory_iterator(dir / "x" / "es-US")) import.push_back(entry.path().string());
    REQUIRE(succeeds(db, import));
    REQUIRE(succeeds(db, {"review", "revise", "--locale", "es-US", "--all", "--as", "ben", "--role", "reviser"}));
    // One signed act per document and command: many signatures, each
    // closing an act somewhere in a batch.
    for (const auto& entry : fs::directory_iterator(dir / "x" / "es-US"))
        REQUIRE(succeeds(db, {"review", "approve", "--locale", "es-US", "--doc", entry.path().stem().string(), "--as",
                              "carla", "--role", "clinical"}));
    const auto number = [&](const std::string& sql) { return std::stoll(run({"sqlite3", db.string(), sql}).out); };
    const long long entries = number("SELECT COUNT(*) FROM event");
    REQUIRE(entries > 2000);
    REQUIRE(number("SELECT COUNT(*) FROM signature") > 10);
    const Result intact = run_medloc(db, {"audit", "verify", "--json"});
    REQUIRE(intact.exit_code == 0);
    CHECK(nlohmann::json::parse(intact.out)["events_checked"] == entries);

    const auto verify = [&](const std::string& sql) {
        REQUIRE(run({"sqlite3", db.string(), sql}).exit_code == 0);
        const Result verified = run_medloc(db, {"audit", "verify", "--json"});
        CHECK(verified.exit_code == 4);
        return nlohmann::json::parse(verified.out)["problem"].get<std::string>();
    };
    SECTION("an entry's target changed, near the end") {
        const long long id = number("SELECT MAX(id) - 300 FROM event WHERE target IS NOT NULL");
        const std::string problem =
            verify("DROP TRIGGER event_is_append_only_update; UPDATE event SET target = source WHERE id = " +
                   std::to_string(id));
        CHECK(problem.starts_with("event " + std::to_string(id) + " ("));
        CHECK(problem.find("does not match its hash") != std::string::npos);
    }
    SECTION("an act's signature changed, past the middle") {
        const long long last = number(
            "SELECT last_event FROM signature ORDER BY last_event LIMIT 1 OFFSET (SELECT COUNT(*) * 2 / 3 FROM "
            "signature)");
        const long long first =
            number("SELECT MAX(last_event) + 1 FROM signature WHERE last_event < " + std::to_string(last));
        const std::string problem = verify(
            "DROP TRIGGER signature_is_append_only_update; UPDATE signature SET signature = (SELECT "
            "signature FROM signature ORDER BY last_event LIMIT 1) WHERE last_event = " +
            std::to_string(last));
        CHECK(problem.find("on event " + std::to_string(last) + " is not ") != std::string::npos);
        CHECK(problem.find("events " + std::to_string(first) + " to " + std::to_string(last) + " were written") !=
              std::string::npos);
    }
}

// Build and review read the people of a whole document at once; they must be
// who the log of each segment, read alone, names.
TEST_CASE("the people of a document read at once are those of each segment read alone", "[review][people]") {
    Translated project({"es-US", "ar"});
    REQUIRE(project.ok(project.review("revise", "ben", "reviser", "es-US")));
    REQUIRE(project.ok(project.review("approve", "carla", "clinical", "es-US")));
    REQUIRE(project.ok(project.review("revise", "ben", "reviser", "ar")));
    std::vector<std::string> reject = project.review("reject", "carla", "clinical", "ar");
    reject.insert(reject.end(), {"--comment", "Say it plainly"});
    REQUIRE(project.ok(reject));
    std::string text = read_file(project.document);
    const std::string before = "Although AMPS can afflict anyone";
    text.replace(text.find(before), before.size(), "Although AMPS can affect anyone");
    write_file(project.document, text);
    REQUIRE(project.ok({"extract", (project.dir / "docs").string(), "--as", "pat"}));

    const auto who = [](const reviews::TargetPeople& people) {
        std::string said;
        for (const reviews::Contributor& author : people.authors)
            said += "author " + author.id + " " + author.name + ";";
        if (people.reviser) said += "reviser " + people.reviser->id + ";";
        if (people.approval) said += "approval " + people.approval->actor_id + " " + people.approval_hash + ";";
        return said + (people.source_kept ? "kept" : "");
    };
    const auto opened = reviews::open_project(project.db.string());
    reviews::Store& store = *opened;
    const auto version = store.current_version(kDoc);
    std::map<std::string, int> seen;
    for (const char* locale : {"es-US", "ar"}) {
        const reviews::DocumentPeople everyone(store, kDoc, locale);
        for (const reviews::StoredSegment& segment : store.version_segments(kDoc, version->version)) {
            const std::string alone = who(reviews::people_of(store, segment.id, locale));
            CHECK(who(everyone.of(segment.id)) == alone);
            ++seen[std::string(locale) + (alone.empty()                                 ? " nobody"
                                          : alone.find("approval") != std::string::npos ? " approved"
                                                                                        : " authored")];
        }
    }
    // Every kind of history was compared: approved, edited since, rejected.
    CHECK(seen["es-US approved"] == 72);
    CHECK(seen["es-US nobody"] == 1);
    CHECK(seen["ar nobody"] == 73);
}
