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
