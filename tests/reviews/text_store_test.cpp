// The log's texts (schema 10): each distinct text stored once, and an act
// rolled back leaves nothing that a later act of the same process refers to.
// Uses reviews' private sqlite.h to look into the file.
#include "reviews/store.h"
#include "sqlite/sqlite.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <set>

using namespace medloc::reviews;
using namespace medloc::test;
namespace fs = std::filesystem;

namespace {

Event translated(const std::string& source, const std::string& target) {
    Event event;
    event.at = FixedClock().now();
    event.document_id = "a.txt";
    event.segment_id = "s1";
    event.locale = "es-US";
    event.actor = "Ana Ruiz";
    event.role = Role::translator;
    event.meaning = Meaning::translated;
    event.state = State::translated;
    event.source = source;
    event.target = target;
    return event;
}

// Document a.txt with one segment whose source has inline markup (so its
// plain text differs), translated into es-US; committed.
void add_marked_up_segment(Store& store) {
    const auto writing = store.transaction(Access::write);
    store.add_document_version({"a.txt", 1, "txt", std::string(64, '0'), 10, "{}", FixedClock().now(), ""});
    store.add_segment({"s1", "a.txt", "Give <b>5 mL</b>.", "Give 5 mL.", 3, "paragraph", "", {}, {}}, 1);
    store.set_version_segments("a.txt", 1, {"s1"});
    store.put_translation({"s1", "es-US", State::translated, "Dé <b>5 mL</b>.", "", "ana", {}, {}});
    writing->commit();
}

}  // namespace

TEST_CASE("the log stores each distinct text once and reads every entry back whole", "[reviews][log]") {
    const fs::path path = temporary_file("texts.db");
    {
        const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
        for (const char* target : {"Dé 5 mL.", "Dé 5 mL.", "Administre 5 mL."}) {
            const auto writing = store->transaction(Access::write);
            store->add_event(translated("Give 5 mL.", target));
            writing->commit();
        }
        const auto log = store->segment_log("s1", "es-US");
        REQUIRE(log.size() == 3);
        CHECK(std::get<Event>(log[1].record).target == "Dé 5 mL.");
        CHECK(std::get<Event>(log[2].record).source == "Give 5 mL.");
        CHECK(store->verify_log().intact());
    }
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM event") == 3);
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM text WHERE content = 'Give 5 mL.'") == 1);
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM text WHERE content = 'Dé 5 mL.'") == 1);
    CHECK(sql_integer(path, "SELECT COUNT(*) - COUNT(DISTINCT content) FROM text") == 0);
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM stamp") == 3);  // one for each act
    fs::remove(path);
}

TEST_CASE("an act rolled back leaves no text a later act of the same process refers to", "[reviews][log]") {
    const fs::path path = temporary_file("rollback.db");
    const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    {
        const auto writing = store->transaction(Access::write);
        store->add_event(translated("Give 5 mL.", "Texto que se deshace"));
    }  // rolled back: its texts and stamp are gone
    {
        const auto writing = store->transaction(Access::write);
        // Takes the row ids the rolled-back texts had.
        store->add_event(translated("Rest at home.", "Descanse en casa."));
        store->add_event(translated("Give 5 mL.", "Texto que se deshace"));
        writing->commit();
    }
    const auto log = store->segment_log("s1", "es-US");
    REQUIRE(log.size() == 2);
    CHECK(std::get<Event>(log[0].record).target == "Descanse en casa.");
    CHECK(std::get<Event>(log[1].record).source == "Give 5 mL.");
    CHECK(std::get<Event>(log[1].record).target == "Texto que se deshace");
    const AuditReport report = store->verify_log();
    INFO(report.problem);
    CHECK(report.intact());
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM stamp") == 1);  // the act's two entries share it
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM text WHERE content = 'Texto que se deshace'") == 1);
    fs::remove(path);
}

// The newest entry's hash is kept for a transaction only: an entry appended
// outside one chains to what the file holds, however many processes write.
TEST_CASE("entries appended outside a transaction chain to the newest entry of the file", "[reviews][log]") {
    const fs::path path = temporary_file("two-writers.db");
    const auto first = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    const auto second = open_project(path.string());
    first->add_event(translated("Give 5 mL.", "Dé 5 mL."));
    second->add_event(translated("Give 5 mL.", "Administre 5 mL."));
    first->add_event(translated("Give 5 mL.", "Dé 5 mL. cada día"));
    CHECK(sql_integer(path, "SELECT COUNT(*) FROM event") == 3);
    const AuditReport report = first->verify_log();
    CHECK(report.problem == "");
    CHECK(report.intact());
}

TEST_CASE("a document's events come with the texts and hash of its approvals only", "[reviews][log]") {
    const fs::path path = temporary_file("document-events.db");
    const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    {
        const auto writing = store->transaction(Access::write);
        store->add_event(translated("Give 5 mL.", "Dé 5 mL."));
        Event approval = translated("Give 5 mL.", "Dé 5 mL.");
        approval.actor = "Carla Ortiz";
        approval.role = Role::clinical;
        approval.meaning = Meaning::approved;
        approval.state = State::approved;
        store->add_event(approval);
        writing->commit();
    }
    std::vector<LogEntry> read;
    store->read_document_events("a.txt", "es-US", [&read](const LogEntry& entry) { read.push_back(entry); });
    const std::vector<LogEntry> whole = store->segment_log("s1", "es-US");
    REQUIRE(read.size() == 2);
    REQUIRE(whole.size() == 2);
    const Event& translation = std::get<Event>(read[0].record);
    CHECK(translation.segment_id == "s1");
    CHECK(translation.actor == "Ana Ruiz");
    CHECK(translation.meaning == Meaning::translated);
    CHECK(translation.source.empty());
    CHECK_FALSE(translation.target);
    CHECK(read[0].hash.empty());
    // The gate compares these with the segment and the manifest cites the hash.
    const Event& approval = std::get<Event>(read[1].record);
    CHECK(approval.meaning == Meaning::approved);
    CHECK(approval.source == "Give 5 mL.");
    CHECK(approval.target == "Dé 5 mL.");
    CHECK(read[1].hash == whole[1].hash);
    CHECK(read[1].hash.size() == 64);
    fs::remove(path);
}

TEST_CASE("a transaction logs the texts it read by the ids it read them with", "[reviews][log]") {
    const fs::path path = temporary_file("read-texts.db");
    const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    add_marked_up_segment(*store);
    {
        const auto writing = store->transaction(Access::write);
        store->add_event(translated("Rest at home.", "Descanse en casa."));  // a text written first
        const auto read = store->version_translations("a.txt", 1, "es-US");
        REQUIRE(read.size() == 1);
        Event approval = translated(read[0].segment.source, *read[0].translation->target);
        approval.meaning = Meaning::approved;
        store->add_event(approval);
        writing->commit();
    }
    CHECK(sql_integer(path, "SELECT COUNT(*) - COUNT(DISTINCT content) FROM text") == 0);
    CHECK(sql_integer(path,
                      "SELECT COUNT(*) FROM event e JOIN segment s ON s.source = e.source "
                      "JOIN translation t ON t.target = e.target WHERE e.id = 2") == 1);
    CHECK(store->verify_log().intact());
    fs::remove(path);
}

TEST_CASE("a writer logs the texts a reader beside it read by the ids the reader read them with", "[reviews][log]") {
    const fs::path path = temporary_file("reader-texts.db");
    const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    add_marked_up_segment(*store);
    {
        const auto writing = store->transaction(Access::write);
        const auto reader = store->reader_beside();
        const auto read = reader->version_translations("a.txt", 1, "es-US");
        REQUIRE(read.size() == 1);
        const ReadTexts texts = reader->take_read_texts();
        CHECK(texts.ids.size() == 3);  // the source, its plain text, the target
        CHECK(reader->take_read_texts().ids.empty());
        CHECK(store->take_read_texts().ids.empty());  // a writer keeps none to hand on
        store->adopt_read_texts(texts);
        Event approval = translated(read[0].segment.source, *read[0].translation->target);
        approval.meaning = Meaning::approved;
        store->add_event(approval);
        writing->commit();
    }
    CHECK(sql_integer(path, "SELECT COUNT(*) - COUNT(DISTINCT content) FROM text") == 0);
    CHECK(sql_integer(path,
                      "SELECT COUNT(*) FROM event e JOIN segment s ON s.source = e.source "
                      "JOIN translation t ON t.target = e.target WHERE e.id = 1") == 1);
    CHECK(store->verify_log().intact());
    fs::remove(path);
}

TEST_CASE("a reader beside hands on the ids of the segments whose events it read", "[reviews][log]") {
    const fs::path path = temporary_file("reader-events.db");
    const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    add_marked_up_segment(*store);
    {
        const auto writing = store->transaction(Access::write);
        store->add_event(translated("Give <b>5 mL</b>.", "Dé <b>5 mL</b>."));
        writing->commit();
    }
    const auto writing = store->transaction(Access::write);
    const auto reader = store->reader_beside();
    std::size_t events = 0;
    reader->read_document_events("a.txt", "es-US", [&](const LogEntry&) { ++events; });
    CHECK(events == 1);
    // The approval that follows logs segment s1 again: by this id, not by
    // looking its text up.
    const ReadTexts texts = reader->take_read_texts();
    REQUIRE(texts.ids.size() == 1);
    CHECK(texts.ids[0].first == "s1");
    CHECK(texts.ids[0].second == sql_integer(path, "SELECT segment FROM event WHERE id = 1"));
    fs::remove(path);
}

TEST_CASE("the entries a manifest cites are found by their hashes, without an index of every hash", "[reviews][log]") {
    const fs::path path = temporary_file("cited.db");
    {
        const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
        const auto writing = store->transaction(Access::write);
        for (const char* target : {"Dé 5 mL.", "Administre 5 mL.", "Tome 5 mL."})
            store->add_event(translated("Give 5 mL.", target));
        writing->commit();
        const auto log = store->segment_log("s1", "es-US");
        REQUIRE(log.size() == 3);
        std::string capitals = log[2].hash;
        for (char& c : capitals) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        std::string unknown = log[0].hash;
        unknown[0] = unknown[0] == '0' ? '1' : '0';
        const std::set<std::string> found = store->logged_hashes({log[0].hash, capitals, unknown, "", "not hex"});
        CHECK(found == std::set<std::string>{log[0].hash, capitals});
        CHECK(store->logged_hashes({}).empty());
        const auto entry = store->log_entry(log[1].id);
        REQUIRE(entry);
        CHECK(entry->hash == log[1].hash);
        CHECK(std::get<Event>(entry->record).target == "Administre 5 mL.");
        CHECK_FALSE(store->log_entry(log[2].id + 1));
    }
    CHECK(sql_integer(path,
                      "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'event' AND sql "
                      "LIKE '%hash%'") == 0);
    fs::remove(path);
}

TEST_CASE("a reader beside a writer, and the log verified on it, read what the writer began with", "[reviews][log]") {
    const fs::path path = temporary_file("beside.db");
    const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    for (const char* target : {"Dé 5 mL.", "Administre 5 mL.", "Dé 5 mL. cada día"}) {
        const auto writing = store->transaction(Access::write);
        store->add_event(translated("Give 5 mL.", target));
        writing->commit();
    }
    SECTION("only under a write transaction, as the project was when it began") {
        CHECK_THROWS_AS(store->verify_log_beside(), std::logic_error);
        CHECK_THROWS_AS(store->reader_beside(), std::logic_error);
        {
            const auto reading = store->transaction(Access::read);
            CHECK_THROWS_AS(store->verify_log_beside(), std::logic_error);
            CHECK_THROWS_AS(store->reader_beside(), std::logic_error);
        }
        const auto writing = store->transaction(Access::write);
        const auto before = store->reader_beside();
        store->add_event(translated("Give 5 mL.", "Dé 10 mL."));
        const auto after = store->reader_beside();
        CHECK(store->segment_log("s1", "es-US").size() == 4);
        CHECK(before->segment_log("s1", "es-US").size() == 3);
        CHECK(after->segment_log("s1", "es-US").size() == 3);
        CHECK(store->verify_log_beside()->report().entries_checked == 3);
    }
    SECTION("a reader apart only outside a transaction, as the project was at its first read") {
        {
            const auto reading = store->transaction(Access::read);
            CHECK_THROWS_AS(store->reader_apart(), std::logic_error);
        }
        const auto apart = store->reader_apart();
        CHECK(apart->segment_log("s1", "es-US").size() == 3);
        const auto writing = store->transaction(Access::write);
        CHECK_THROWS_AS(store->reader_apart(), std::logic_error);
        store->add_event(translated("Give 5 mL.", "Dé 10 mL."));
        writing->commit();
        CHECK(apart->segment_log("s1", "es-US").size() == 3);
        CHECK(store->reader_apart()->segment_log("s1", "es-US").size() == 4);
    }
    SECTION("the same report as verify_log, while the writer goes on reading") {
        const auto writing = store->transaction(Access::write);
        const auto beside = store->verify_log_beside();
        CHECK(store->segment_log("s1", "es-US").size() == 3);
        const AuditReport here = store->verify_log();
        const AuditReport there = beside->report();
        CHECK(there.intact());
        CHECK(there.entries_checked == 3);
        CHECK(there.entries_checked == here.entries_checked);
    }
    SECTION("an entry forged outside medloc") {
        {
            Database db(path.string(), Database::Mode::open_existing);
            db.exec(
                "INSERT INTO event (stamp, document, segment, locale, state, source, target, finding, hash) "
                "SELECT stamp, document, segment, locale, state, source, target, finding, hash FROM event "
                "WHERE id = 1");
        }
        const auto writing = store->transaction(Access::write);
        const AuditReport report = store->verify_log_beside()->report();
        CHECK_FALSE(report.intact());
        CHECK(report.problem == store->verify_log().problem);
    }
    SECTION("let go unread, it stops and the writer carries on") {
        const auto writing = store->transaction(Access::write);
        store->verify_log_beside().reset();
        store->add_event(translated("Give 5 mL.", "Dé 10 mL."));
        writing->commit();
        CHECK(store->verify_log().entries_checked == 4);
    }
    fs::remove(path);
}

TEST_CASE("the log's tables are checked beside its walk, in the view it walked, whatever a writer commits between",
          "[reviews][log]") {
    const fs::path path = temporary_file("two-views.db");
    const auto store = create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, FixedClock());
    add_marked_up_segment(*store);
    for (const char* target : {"Dé <b>5 mL</b>.", "Administre <b>5 mL</b>."}) {
        const auto writing = store->transaction(Access::write);
        store->add_event(translated("Give <b>5 mL</b>.", target));
        store->put_translation({"s1", "es-US", State::translated, target, "", "ana", {}, {}});
        writing->commit();
    }
    CHECK(store->verify_log().intact());

    // A reader's view is fixed at its first read; another store then
    // commits an entry, and a translation that is not what it says.
    const auto reading = store->transaction(Access::read);
    const std::int64_t walked = store->log_position();
    {
        const auto other = open_project(path.string());
        const auto writing = other->transaction(Access::write);
        other->add_event(translated("Give <b>5 mL</b>.", "Dé <b>10 mL</b>."));
        other->put_translation({"s1", "es-US", State::approved, "Dé <b>10 mL</b>.", "", "ana", {}, {}});
        writing->commit();
    }
    // The check beside reads the newer view; the report is of this one.
    const AuditReport report = store->verify_log();
    CHECK(report.intact());
    CHECK(report.entries_checked == walked);
    reading->commit();

    // Read afresh, the translation is named.
    const auto again = store->transaction(Access::read);
    const AuditReport now = store->verify_log();
    CHECK(now.entries_checked == walked + 1);
    CHECK(now.problem.find("the translation of segment s1 in es-US (approved)") != std::string::npos);
    again->commit();
    fs::remove(path);
}
