// temp_project.h - a project file of its own for an in-process test, with a
// fixed clock, removed afterwards.
#pragma once

#include "reviews/store.h"

#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace medloc::test {

class FixedClock final : public reviews::Clock {
public:
    std::string now() const override { return "2026-06-01T12:00:00Z"; }
};

struct TempProject {
    FixedClock clock;
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("medloc-unit-" + std::to_string(std::random_device()()) + ".db");
    std::unique_ptr<reviews::Store> store =
        reviews::create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, clock);

    ~TempProject() {
        store.reset();
        std::filesystem::remove(path);
    }
};

}  // namespace medloc::test
