// temp_project.h - a project file of its own for an in-process test, with
// the reviews tests' fixed clock, removed afterwards.
#pragma once

#include "../reviews/support.h"
#include "reviews/store.h"

#include <filesystem>
#include <memory>

namespace medloc::test {

struct TempProject {
    FixedClock clock;
    std::filesystem::path path = temporary_file("project.db");
    std::unique_ptr<reviews::Store> store =
        reviews::create_project(path.string(), {"", "en-US", {"es-US"}, 36, ""}, clock);

    ~TempProject() {
        store.reset();
        std::filesystem::remove(path);
    }
};

}  // namespace medloc::test
