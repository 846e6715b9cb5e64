// support: what the reviews unit tests share: a clock that stands still,
// a fresh file name in the temporary folder, and a number read straight
// from a project file.
#pragma once

#include "reviews/clock.h"
#include "sqlite/sqlite.h"

#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>

namespace medloc::test {

class FixedClock final : public reviews::Clock {
public:
    std::string now() const override { return "2026-01-02T03:04:05Z"; }
};

inline std::filesystem::path temporary_file(const std::string& name) {
    std::random_device random;
    return std::filesystem::temp_directory_path() / ("medloc-unit-" + std::to_string(random()) + "-" + name);
}

// The integer in the first column of the first row `sql` reads from the
// project file at `path`, opened on its own (not through a store).
inline std::int64_t sql_integer(const std::filesystem::path& path, const std::string& sql) {
    reviews::Database db(path.string(), reviews::Database::Mode::open_existing);
    reviews::Statement get(db, sql);
    if (!get.step()) throw std::runtime_error(sql + ": no row");
    return get.integer(0);
}

}  // namespace medloc::test
