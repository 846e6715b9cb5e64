// support: what the reviews unit tests share: a clock that stands still
// and a fresh file name in the temporary folder.
#pragma once

#include "reviews/clock.h"

#include <filesystem>
#include <random>
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

}  // namespace medloc::test
