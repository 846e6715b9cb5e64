// Schema migration: a project written by the first medloc (schema 1, no
// event log) opens with this one, migrated in place, its data intact.
// Uses reviews' private schema (sqlite/schema.h) to write the old file.
#include "reviews/store.h"
#include "sqlite/schema.h"
#include "sqlite/sqlite.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>

using namespace medloc::reviews;
using namespace medloc::test;
namespace fs = std::filesystem;

namespace {

std::int64_t user_version(const fs::path& path) { return sql_integer(path, "PRAGMA user_version"); }

// A new project file at schema `version`: its settings and one target
// locale, es-US, as the medloc of that schema wrote them.
void start_project_at(Database& db, std::int64_t version) {
    db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    migrate(db, 0, version);
    const std::string settings = "INSERT INTO setting VALUES ('project_id', 'p" + std::to_string(version) +
                                 "'), ('source_locale', 'en-US'), ('review_months', '24'), "
                                 "('created_at', '2025-01-01T00:00:00Z'); INSERT INTO target_locale VALUES ('es-US');";
    db.exec(settings.c_str());
}

}  // namespace

TEST_CASE("a schema 1 project is migrated on open and keeps its documents and translations", "[reviews][migration]") {
    const fs::path path = temporary_file("v1.db");
    {
        Database db(path.string(), Database::Mode::create_new);
        start_project_at(db, 1);
        db.exec(
            "INSERT INTO document VALUES ('a.txt', 'text', 1);"
            "INSERT INTO document_version (document_id, version, source_sha256, source_bytes, skeleton, "
            "extracted_at) VALUES ('a.txt', 1, 'abc', 5, '{}', '2025-01-01T00:00:00Z');"
            "INSERT INTO segment (id, document_id, source, plain, words, kind, context, added_in) "
            "VALUES ('s1', 'a.txt', 'Hello.', 'Hello.', 1, 'title', '', 1);"
            "INSERT INTO version_segment VALUES ('a.txt', 1, 0, 's1');"
            "INSERT INTO translation VALUES ('s1', 'es-US', 'translated', 'Hola.', '2025-01-01T00:00:00Z');");
    }
    REQUIRE(user_version(path) == 1);

    {
        const auto store = open_project(path.string());
        CHECK(store->settings().project_id == "p1");
        CHECK(store->settings().review_months == 24);
        const auto translation = store->translation("s1", "es-US");
        REQUIRE(translation);
        CHECK(translation->state == State::translated);
        CHECK(translation->target == "Hola.");
        CHECK(translation->updated_by.empty());  // added by migration 2, empty for old rows
        CHECK_FALSE(translation->previous_target);

        // The event log exists now and takes entries.
        const auto writing = store->transaction(Access::write);
        Event event;
        event.at = FixedClock().now();
        event.document_id = "a.txt";
        event.segment_id = "s1";
        event.locale = "es-US";
        event.actor = "Ben Ode";
        event.role = Role::reviser;
        event.meaning = Meaning::revised;
        event.state = State::revised;
        event.source = "Hello.";
        event.target = "Hola.";
        store->add_event(event);
        writing->commit();
        CHECK(store->segment_log("s1", "es-US").size() == 1);
    }
    CHECK(user_version(path) == schema_version());
    fs::remove(path);
}

TEST_CASE("a project from a newer medloc is refused, not downgraded", "[reviews][migration]") {
    const fs::path path = temporary_file("future.db");
    { const auto created = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock()); }
    {
        Database db(path.string(), Database::Mode::open_existing);
        db.exec(("PRAGMA user_version = " + std::to_string(schema_version() + 1)).c_str());
    }
    CHECK_THROWS_WITH(open_project(path.string()), Catch::Contains("made by a newer medloc"));
    fs::remove(path);
}

namespace {

MemoryUnit unit_of(const std::string& plain, const std::string& target) {
    MemoryUnit unit;
    unit.source_language = "en-US";
    unit.target_language = "es-US";
    unit.source = unit.plain = plain;
    unit.target = target;
    unit.origin = kProjectMemory;
    return unit;
}

// The targets of the units that share a word with `word`, as a fuzzy match
// looks for them.
std::vector<std::string> found(Store& store, const std::string& word) {
    std::vector<std::string> targets;
    for (const MemoryUnit& unit : store.memory_candidates({word}, 1, "es-US", 10)) targets.push_back(unit.target);
    return targets;
}

}  // namespace

// Schema 9 indexes memory units for search as their transaction commits,
// in one statement, instead of a trigger per row: units of schema 8 stay
// found, new ones are found once added, and a rolled-back act leaves none.
TEST_CASE("memory units are found by their words before and after schema 9", "[reviews][migration][memory]") {
    const fs::path path = temporary_file("v8.db");
    {
        Database db(path.string(), Database::Mode::create_new);
        start_project_at(db, 8);
        db.exec(
            "INSERT INTO memory_unit (event, source_language, target_language, source, plain, plain_key, target, "
            "translator, translator_id, approver, created_at, changed_at, document_id, context, origin, tuid, "
            "unit_key) VALUES (1, 'en-US', 'es-US', 'Give fluids often.', 'Give fluids often.', 1, "
            "'Dé líquidos a menudo.', '', '', '', '', '', 'a.txt', '', 'project', '', 1);");
    }
    const auto store = open_project(path.string());
    CHECK(found(*store, "fluids") == std::vector<std::string>{"Dé líquidos a menudo."});
    {
        const auto writing = store->transaction(Access::write);
        MemoryImport import;  // the log entry the units belong to
        import.at = FixedClock().now();
        import.actor = "Pat Publisher";
        store->add_memory_import(import);
        store->add_memory_unit(unit_of("Check the rash daily.", "Revise el sarpullido a diario."));
        // Found within the act that added it, and after it commits.
        CHECK(found(*store, "rash") == std::vector<std::string>{"Revise el sarpullido a diario."});
        store->add_memory_unit(unit_of("The rash may itch.", "El sarpullido puede picar."));
        writing->commit();
    }
    CHECK(found(*store, "itch") == std::vector<std::string>{"El sarpullido puede picar."});
    CHECK(found(*store, "rash").size() == 2);
    {
        const auto writing = store->transaction(Access::write);
        store->add_memory_unit(unit_of("Wash the rash gently.", "Lave el sarpullido con cuidado."));
    }  // rolled back
    CHECK(found(*store, "gently").empty());
    CHECK(found(*store, "rash").size() == 2);
    {
        const auto writing = store->transaction(Access::write);
        store->add_memory_unit(unit_of("Keep nails short.", "Mantenga las uñas cortas."));
        writing->commit();
    }
    CHECK(found(*store, "nails") == std::vector<std::string>{"Mantenga las uñas cortas."});
    CHECK(found(*store, "gently").empty());
}

// Schema 11 checks a translation's state by comparisons, not `IN (...)`,
// for which SQLite built a temporary table on every write of a translation,
// and keeps a version's segments in the order of their key alone. A schema
// 10 project keeps its translations and versions, and a state outside the
// five is still refused.
TEST_CASE("schema 11 writes a translation without a temporary table and still checks its state",
          "[reviews][migration]") {
    const fs::path path = temporary_file("v10.db");
    {
        Database db(path.string(), Database::Mode::create_new);
        start_project_at(db, 10);
        db.exec(
            "INSERT INTO document (id, format, current_version) VALUES ('a.txt', 'text', 1);"
            "INSERT INTO document_version (document_id, version, source_sha256, source_bytes, skeleton, "
            "extracted_at) VALUES ('a.txt', 1, 'abc', 5, '{}', '2025-01-01T00:00:00Z');"
            "INSERT INTO segment (id, document_id, source, plain, words, kind, context, added_in) VALUES "
            "('s2', 'a.txt', 'Rest.', 'Rest.', 1, 'paragraph', '', 1), "
            "('s1', 'a.txt', 'Hello.', 'Hello.', 1, 'title', '', 1);"
            "INSERT INTO version_segment VALUES ('a.txt', 1, 0, 's2'), ('a.txt', 1, 1, 's1');"
            "INSERT INTO translation (segment_id, locale, state, target, updated_at, updated_by, previous_source, "
            "previous_target) VALUES ('s1', 'es-US', 'approved', 'Hola.', '2025-01-01T00:00:00Z', 'ana', "
            "'Hi.', 'Hola'), ('s2', 'es-US', 'needs-translation', NULL, '2025-01-01T00:00:00Z', '', NULL, NULL);");
    }
    {
        const auto store = open_project(path.string());
        const std::vector<TranslatedSegment> segments = store->version_translations("a.txt", 1, "es-US");
        REQUIRE(segments.size() == 2);
        CHECK(segments[0].segment.id == "s2");
        REQUIRE(segments[0].translation);
        CHECK(segments[0].translation->state == State::needs_translation);
        CHECK_FALSE(segments[0].translation->target);
        CHECK(segments[1].segment.id == "s1");
        REQUIRE(segments[1].translation);
        CHECK(segments[1].translation->state == State::approved);
        CHECK(segments[1].translation->target == "Hola.");
        CHECK(segments[1].translation->updated_by == "ana");
        CHECK(segments[1].translation->previous_source == "Hi.");
        CHECK(segments[1].translation->previous_target == "Hola");
    }
    CHECK(user_version(path) == schema_version());
    {
        Database db(path.string(), Database::Mode::open_existing);
        // The write of a translation, as the store makes it: no step of it opens
        // a temporary table.
        Statement plan(db,
                       "EXPLAIN INSERT INTO translation (segment_id, locale, state, target, updated_at, updated_by) "
                       "VALUES ('s1', 'es-US', 3, 1, 2, 3) ON CONFLICT (segment_id, locale) "
                       "DO UPDATE SET state = excluded.state");
        int temporary_tables = 0;
        while (plan.step()) temporary_tables += plan.text(1) == "OpenEphemeral" ? 1 : 0;
        CHECK(temporary_tables == 0);
        // Since schema 15 a state is kept as its number (state_code).
        CHECK_THROWS(db.exec("UPDATE translation SET state = 9 WHERE segment_id = 's1'"));
        CHECK_THROWS(db.exec("UPDATE translation SET state = 'revised' WHERE segment_id = 's1'"));
        const std::string revised =
            "UPDATE translation SET state = " + std::to_string(state_code(State::revised)) + " WHERE segment_id = 's1'";
        CHECK_NOTHROW(db.exec(revised.c_str()));
    }
    fs::remove(path);
}

namespace {

// What a column of the row `where` in `table` holds, as SQLite's typeof().
std::string stored_type(const fs::path& path, const std::string& column, const std::string& table,
                        const std::string& where) {
    Database db(path.string(), Database::Mode::open_existing);
    Statement get(db, "SELECT typeof(" + column + ") FROM " + table + " WHERE " + where);
    REQUIRE(get.step());
    return get.text(0);
}

}  // namespace

// Schema 12: a segment's source, plain text and context and a translation's
// target and stale pair are kept once, in the text table the log refers to,
// not again in every row. A schema 11 project reads back field for field, a
// segment written now refers to its texts too, and a text removed outside
// medloc is reported, not read as a segment that is not there.
TEST_CASE("schema 12 keeps each text of segments and translations once", "[reviews][migration]") {
    const fs::path path = temporary_file("v11.db");
    {
        Database db(path.string(), Database::Mode::create_new);
        start_project_at(db, 11);
        db.exec(
            "INSERT INTO text (key, content) VALUES (medloc_text_key('Hello.'), 'Hello.');"
            "INSERT INTO document (id, format, current_version) VALUES ('a.txt', 'text', 1);"
            "INSERT INTO document_version (document_id, version, source_sha256, source_bytes, skeleton, "
            "extracted_at) VALUES ('a.txt', 1, 'abc', 5, '{}', '2025-01-01T00:00:00Z');"
            "INSERT INTO segment (id, document_id, source, plain, words, kind, context, added_in, retired_in, "
            "replaces) VALUES ('s2', 'a.txt', 'Take <b>5 mL</b>.', 'Take 5 mL.', 3, 'paragraph', 'Hello.', 1, "
            "NULL, NULL), ('s1', 'a.txt', 'Hello.', 'Hello.', 1, 'title', '', 1, 2, 's2');"
            "INSERT INTO version_segment VALUES ('a.txt', 1, 0, 's2'), ('a.txt', 1, 1, 's1');"
            "INSERT INTO translation (segment_id, locale, state, target, updated_at, updated_by, previous_source, "
            "previous_target) VALUES ('s1', 'es-US', 'approved', 'Hola.', '2025-01-01T00:00:00Z', 'ana', "
            "'Hi.', 'Hola'), ('s2', 'es-US', 'needs-translation', NULL, '2025-01-01T00:00:00Z', '', NULL, NULL);"
            "INSERT INTO text (key, content) VALUES (medloc_text_key('Dé líquidos.'), 'Dé líquidos.'), "
            "(medloc_text_key('Give <b>fluids</b>.'), 'Give <b>fluids</b>.');"
            "INSERT INTO memory_unit (id, event, source_language, target_language, source, plain, plain_key, "
            "target, translator, translator_id, approver, created_at, changed_at, document_id, context, origin, "
            "tuid, unit_key) SELECT 7, 1, 'en-US', 'es-US', (SELECT id FROM text WHERE content = 'Give "
            "<b>fluids</b>.'), 'Give fluids.', 1, (SELECT id FROM text WHERE content = 'Dé líquidos.'), 'Ana', "
            "'ana', 'Carla', '', '', 'a.txt', '', 'project', '', 1;"
            "INSERT INTO memory_words (rowid, plain) VALUES (7, 'Give fluids.');");
    }
    {
        const auto store = open_project(path.string());
        // The unit keeps its id, is found by its words (the index was built
        // again from the texts) and by its plain text.
        CHECK(found(*store, "fluids") == std::vector<std::string>{"Dé líquidos."});
        const std::vector<MemoryUnit> exact = store->memory_exact("Give fluids.", "es-US");
        REQUIRE(exact.size() == 1);
        CHECK(exact[0].source == "Give <b>fluids</b>.");
        CHECK(exact[0].plain == "Give fluids.");
        CHECK(exact[0].document_id == "a.txt");
        CHECK(exact[0].source_language == "en-US");
        CHECK(exact[0].target_language == "es-US");
        CHECK(exact[0].translator == "Ana");
        CHECK(exact[0].translator_id == "ana");
        CHECK(exact[0].approver == "Carla");
        CHECK(exact[0].origin == kProjectMemory);
        CHECK(exact[0].tuid.empty());
        CHECK(store->memory_size("es-US") == 1);
        CHECK(store->memory_exact("Give fluids", "es-US").empty());
        const std::vector<TranslatedSegment> segments = store->version_translations("a.txt", 1, "es-US");
        REQUIRE(segments.size() == 2);
        const StoredSegment& dose = segments[0].segment;
        CHECK(dose.id == "s2");
        CHECK(dose.source == "Take <b>5 mL</b>.");
        CHECK(dose.plain == "Take 5 mL.");
        CHECK(dose.words == 3);
        CHECK(dose.kind == "paragraph");
        CHECK(dose.context == "Hello.");
        CHECK_FALSE(dose.retired_in);
        REQUIRE(segments[0].translation);
        CHECK(segments[0].translation->state == State::needs_translation);
        CHECK_FALSE(segments[0].translation->target);
        CHECK_FALSE(segments[0].translation->previous_source);
        const StoredSegment& title = segments[1].segment;
        CHECK(title.source == "Hello.");
        CHECK(title.plain == "Hello.");
        CHECK(title.context.empty());
        CHECK(title.retired_in == 2);
        CHECK(title.replaces == "s2");
        REQUIRE(segments[1].translation);
        CHECK(segments[1].translation->target == "Hola.");
        CHECK(segments[1].translation->updated_by == "ana");
        CHECK(segments[1].translation->previous_source == "Hi.");
        CHECK(segments[1].translation->previous_target == "Hola");
        CHECK(store->translation("s1", "es-US")->target == "Hola.");
        CHECK(store->segment("s2")->plain == "Take 5 mL.");

        const auto writing = store->transaction(Access::write);
        store->add_segment({"s3", "a.txt", "Hello.", "Hello.", 1, "paragraph", "Take 5 mL.", {}, {}}, 1);
        store->put_translation({"s3", "es-US", State::translated, "Hola.", "2025-01-02T00:00:00Z", "ana", {}, {}});
        writing->commit();
        CHECK(store->segment("s3")->context == "Take 5 mL.");
        CHECK(store->translation("s3", "es-US")->target == "Hola.");
    }
    CHECK(user_version(path) == schema_version());
    for (const std::string column : {"source", "plain", "context"})
        CHECK(stored_type(path, column, "segment", "id = 's3'") == "integer");
    for (const std::string column : {"target", "previous_source", "previous_target"})
        CHECK(stored_type(path, column, "translation", "segment_id = 's1'") == "integer");
    // Schema 14: the unit's other strings are texts kept once too.
    for (const std::string column : {"plain", "target_language", "translator", "approver", "document_id", "origin"})
        CHECK(stored_type(path, column, "memory_unit", "id = 7") == "integer");
    // "Hello." is a source, a plain text, a context and was in the text
    // table before: it is there once.
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM text WHERE content = 'Hello.'") == 1);
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM text WHERE content = 'Hola.'") == 1);

    {
        Database db(path.string(), Database::Mode::open_existing);
        db.exec(
            "DROP TRIGGER text_is_append_only_delete; DELETE FROM text WHERE id = (SELECT source FROM segment "
            "WHERE id = 's2')");
    }
    const auto store = open_project(path.string());
    CHECK_THROWS_WITH(store->version_segments("a.txt", 1),
                      Catch::Contains("source text of segment s2 is missing from the project"));
    fs::remove(path);
}

// Schema 15: the same few strings no longer fill every row. An entry's and a
// translation's state is a number, who changed a translation and when are
// texts kept once, and a memory unit's context of two digests is their 16
// bytes. A schema 14 project reads back field for field; a context of any
// other form is kept as it was; an entry's state no medloc writes is still
// not one after (it fails its hash and its check).
TEST_CASE("schema 15 keeps states as numbers, who and when as texts and a unit's digests as bytes",
          "[reviews][migration]") {
    const fs::path path = temporary_file("v14.db");
    const std::string digests = "0123456789abcdef:fedcba9876543210";
    const std::vector<std::string> contexts = {digests, "", "0123456789ABCDEF:fedcba9876543210",
                                               "0123456789abcdef:fedcba987654321", "a heading"};
    {
        Database db(path.string(), Database::Mode::create_new);
        start_project_at(db, 14);
        db.exec(
            "INSERT INTO text (key, content) SELECT medloc_text_key(c), c FROM (SELECT 'Hello.' AS c UNION "
            "SELECT 'Hola.' UNION SELECT '' UNION SELECT 'en-US' UNION SELECT 'es-US' UNION SELECT 'Ana' UNION "
            "SELECT 'a.txt' UNION SELECT 'project' UNION SELECT 's1');"
            "INSERT INTO document (id, format, current_version) VALUES ('a.txt', 'text', 1);"
            "INSERT INTO document_version (document_id, version, source_sha256, source_bytes, skeleton, "
            "extracted_at) VALUES ('a.txt', 1, 'abc', 5, '{}', '2025-01-01T00:00:00Z');"
            "INSERT INTO segment (id, document_id, source, plain, words, kind, context, added_in) SELECT 's1', "
            "'a.txt', id, id, 1, 'title', id, 1 FROM text WHERE content = 'Hello.';"
            "INSERT INTO version_segment VALUES ('a.txt', 1, 0, 's1');"
            "INSERT INTO translation (segment_id, locale, state, target, updated_at, updated_by) SELECT 's1', "
            "'es-US', 'revised', id, '2025-01-02T03:04:05Z', 'Ben Ode' FROM text WHERE content = 'Hola.';"
            "INSERT INTO stamp (at, actor, role, meaning, comment, origin) VALUES "
            "('2025-01-02T03:04:05Z', 'Ben Ode', 'reviser', 'revised', '', 'cli');"
            "INSERT INTO event (stamp, document, segment, locale, state, source, target, hash) SELECT 1, "
            "(SELECT id FROM text WHERE content = 'a.txt'), (SELECT id FROM text WHERE content = 's1'), "
            "(SELECT id FROM text WHERE content = 'es-US'), s.state, (SELECT id FROM text WHERE content = "
            "'Hello.'), NULL, zeroblob(32) FROM (SELECT 'revised' AS state UNION ALL SELECT '' UNION ALL "
            "SELECT 'done') s;");
        Statement unit(db,
                       "INSERT INTO memory_unit (event, source_language, target_language, source, plain, target, "
                       "translator, translator_id, approver, created_at, changed_at, document_id, context, origin, "
                       "tuid, unit_key) SELECT 1, l.id, t.id, h.id, h.id, o.id, a.id, a.id, a.id, e.id, e.id, "
                       "d.id, ?, p.id, e.id, ? FROM text l, text t, text h, text o, text a, text e, text d, text p "
                       "WHERE l.content = 'en-US' AND t.content = 'es-US' AND h.content = 'Hello.' AND "
                       "o.content = 'Hola.' AND a.content = 'Ana' AND e.content = '' AND d.content = 'a.txt' AND "
                       "p.content = 'project'");
        for (std::size_t i = 0; i < contexts.size(); ++i)
            unit.bind(1, contexts[i]).bind(2, static_cast<std::int64_t>(i + 1)).run();
    }
    {
        const auto store = open_project(path.string());
        const auto translation = store->translation("s1", "es-US");
        REQUIRE(translation);
        CHECK(translation->state == State::revised);
        CHECK(translation->target == "Hola.");
        CHECK(translation->updated_at == "2025-01-02T03:04:05Z");
        CHECK(translation->updated_by == "Ben Ode");
        std::vector<std::string> read;
        for (const MemoryUnit& unit : store->memory_exact("Hello.", "es-US")) read.push_back(unit.context);
        std::sort(read.begin(), read.end());
        std::vector<std::string> written = contexts;
        std::sort(written.begin(), written.end());
        CHECK(read == written);

        const auto writing = store->transaction(Access::write);
        store->put_translation({"s1", "es-US", State::approved, "Hola.", "2025-01-03T00:00:00Z", "Carla Chen", {}, {}});
        writing->commit();
        CHECK(store->translation("s1", "es-US")->updated_by == "Carla Chen");
        CHECK(store->translation("s1", "es-US")->state == State::approved);
    }
    CHECK(user_version(path) == schema_version());
    for (const std::string column : {"state", "updated_at", "updated_by"})
        CHECK(stored_type(path, column, "translation", "segment_id = 's1'") == "integer");
    CHECK(sql_integer(path, "SELECT state FROM translation") == state_code(State::approved));
    CHECK(stored_type(path, "state", "event", "id = 1") == "integer");
    CHECK(stored_type(path, "state", "event", "id = 2") == "null");
    CHECK(stored_type(path, "context", "memory_unit", "unit_key = 1") == "blob");
    CHECK(sql_integer(path, "SELECT length(context) FROM memory_unit WHERE unit_key = 1") == 16);
    for (const char* other : {"unit_key = 2", "unit_key = 3", "unit_key = 4", "unit_key = 5"})
        CHECK(stored_type(path, "context", "memory_unit", other) == "text");
    // The log view names each state again; the forged one is no state's name.
    Database db(path.string(), Database::Mode::open_existing);
    Statement states(db, "SELECT state FROM log ORDER BY id");
    std::vector<std::string> named;
    while (states.step()) named.push_back(states.text(0));
    CHECK(named == std::vector<std::string>{"revised", "", "state -1"});
    fs::remove(path);
}

// How many units hold a word is kept for a transaction (the index counts them
// by reading them all): a unit the act adds is still found by its words.
TEST_CASE("a word's units are counted again once the act adds a unit that holds it", "[reviews][memory]") {
    const fs::path path = temporary_file("counted.db");
    const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    const auto writing = store->transaction(Access::write);
    MemoryImport import;  // the log entry the units belong to
    import.at = FixedClock().now();
    import.actor = "Pat Publisher";
    store->add_memory_import(import);
    store->add_memory_unit(unit_of("Check the rash daily.", "Revise el sarpullido a diario."));
    CHECK(found(*store, "blister").empty());
    CHECK(found(*store, "rash").size() == 1);
    store->add_memory_unit(unit_of("A blister may form on the rash.", "Puede formarse una ampolla."));
    CHECK(found(*store, "blister") == std::vector<std::string>{"Puede formarse una ampolla."});
    CHECK(found(*store, "rash").size() == 2);
    writing->commit();
    CHECK(found(*store, "blister").size() == 1);
}
