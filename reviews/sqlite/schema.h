// schema: the tables of a project file and the migrations between their
// versions. PRAGMA application_id says a file is a medloc project;
// PRAGMA user_version counts the migrations applied to it. Private to
// reviews/ (tests/reviews/ builds old schemas with it).
#pragma once

#include "reviews/vocabulary.h"
#include "sqlite.h"

#include <cstdint>
#include <optional>
#include <string>

namespace medloc::reviews {

inline constexpr std::int64_t kApplicationId = 0x4D4C4F43;  // "MLOC"

// The version this medloc writes: the number of migrations it knows.
std::int64_t schema_version();

// A state as the event and translation tables keep it since schema 15: a
// small number in place of its name, which every row repeated. Numbers are
// fixed here, not by the enum's order. An entry with no state keeps NULL.
std::int64_t state_code(State state);
std::optional<State> state_of_code(std::int64_t code);
// SQL that names the state of the code in `column`: "" for NULL, and for a
// number no medloc writes a name no state has, so the entry fails its check.
std::string state_name_sql(const std::string& column);

// Applies migrations `from` .. `to` (exclusive of `from`'s own) in order,
// each setting user_version; the caller holds the transaction.
void migrate(Database& db, std::int64_t from, std::int64_t to = schema_version());

}  // namespace medloc::reviews
