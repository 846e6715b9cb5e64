// Schema migration: a project written by the first medloc (schema 1, no
// event log) opens with this one, migrated in place, its data intact.
// Uses reviews' private schema (sqlite/schema.h) to write the old file.
#include "reviews/store.h"
#include "sqlite/schema.h"
#include "sqlite/sqlite.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace medloc::reviews;
using namespace medloc::test;
namespace fs = std::filesystem;

namespace {

std::int64_t user_version(const fs::path& path) {
    Database db(path.string(), Database::Mode::open_existing);
    Statement pragma(db, "PRAGMA user_version");
    REQUIRE(pragma.step());
    return pragma.integer(0);
}

}  // namespace

TEST_CASE("a schema 1 project is migrated on open and keeps its documents and translations", "[reviews][migration]") {
    const fs::path path = temporary_file("v1.db");
    {
        Database db(path.string(), Database::Mode::create_new);
        db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
        migrate(db, 0, 1);
        db.exec(
            "INSERT INTO setting VALUES ('project_id', 'p1'), ('source_locale', 'en-US'), "
            "('review_months', '24'), ('created_at', '2025-01-01T00:00:00Z');"
            "INSERT INTO target_locale VALUES ('es-US');"
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
        db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
        migrate(db, 0, 8);
        db.exec(
            "INSERT INTO setting VALUES ('project_id', 'p8'), ('source_locale', 'en-US'), "
            "('review_months', '24'), ('created_at', '2025-01-01T00:00:00Z');"
            "INSERT INTO target_locale VALUES ('es-US');"
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
