// schema: the tables of a project file and the migrations between their
// versions. PRAGMA application_id says a file is a medloc project;
// PRAGMA user_version counts the migrations applied to it. Private to
// reviews/ (tests/reviews/ builds old schemas with it).
#pragma once

#include "sqlite.h"

#include <cstdint>

namespace medloc::reviews {

inline constexpr std::int64_t kApplicationId = 0x4D4C4F43;  // "MLOC"

// The version this medloc writes: the number of migrations it knows.
std::int64_t schema_version();

// Applies migrations `from` .. `to` (exclusive of `from`'s own) in order,
// each setting user_version; the caller holds the transaction.
void migrate(Database& db, std::int64_t from, std::int64_t to = schema_version());

}  // namespace medloc::reviews
