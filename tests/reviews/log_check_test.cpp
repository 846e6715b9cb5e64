// The log check (reviews' private log_row.h): time order and the legacy
// prefix, on rows built by hand.
#include "log_row.h"

#include <catch2/catch.hpp>

using namespace medloc::reviews;

namespace {

// A row of a log from before people were registered, chained to `previous`.
LogRow legacy_row(std::int64_t id, const std::string& at, const std::string& previous_hash) {
    LogRow row;
    row.id = id;
    row.at = at;
    row.document_id = "a.txt";
    row.segment_id = "s1";
    row.locale = "es-US";
    row.actor = "Ana Ruiz";
    row.role = "translator";
    row.meaning = "translated";
    row.state = "translated";
    row.source = "Hello.";
    row.target = "Hola.";
    row.hash = row_hash(row, previous_hash);
    return row;
}

// The check of a legacy log of two rows at these times.
AuditReport checked(const std::string& first_at, const std::string& second_at) {
    const LogRow first = legacy_row(1, first_at, "");
    LogCheck check("p1");
    check.add(first);
    check.add(legacy_row(2, second_at, first.hash));
    check.finish();
    return check.report();
}

}  // namespace

TEST_CASE("a log whose times go back fails, even with every hash right", "[reviews][log]") {
    CHECK_THAT(checked("2026-05-01T10:00:00Z", "2026-04-30T10:00:00Z").problem,
               Catch::Contains("event 2 (2026-04-30T10:00:00Z, Ana Ruiz, translated) is dated before "
                               "event 1 (2026-05-01T10:00:00Z): the clock went back"));
}

TEST_CASE("rows from before people were registered are counted, not signed", "[reviews][log]") {
    const AuditReport report = checked("2026-05-01T10:00:00Z", "2026-05-01T10:00:00Z");
    CHECK(report.problem.empty());
    CHECK(report.unsigned_legacy_entries == 2);
}

TEST_CASE("a row naming a person before anyone was registered fails", "[reviews][log]") {
    LogRow row = legacy_row(1, "2026-05-01T10:00:00Z", "");
    row.actor_id = "ana";
    row.hash = row_hash(row, "");
    LogCheck check("p1");
    check.add(row);
    CHECK_THAT(check.problem(), Catch::Contains("is not the project owner registering themselves"));
}

TEST_CASE("the person ids of schema 3 are hashed, the rows before them hash as they did", "[reviews][log]") {
    const LogRow legacy = legacy_row(1, "2026-05-01T10:00:00Z", "");
    LogRow named = legacy;
    named.actor_id = "ana";
    CHECK(row_hash(named, "") != legacy.hash);
    named.actor_id.clear();
    CHECK(row_hash(named, "") == legacy.hash);
}
