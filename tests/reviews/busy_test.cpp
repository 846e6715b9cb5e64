// A busy project: readers never wait for a writer, and a writer that waits
// too long is told who holds the project (which command, since when) and
// given up with ProjectBusy; the wait is announced once, after a second.
#include "reviews/store.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace medloc::reviews;
using namespace medloc::test;
namespace fs = std::filesystem;

TEST_CASE("a writer that waits too long is told which medloc holds the project", "[reviews][busy]") {
    const fs::path path = temporary_file("busy.db");
    ProjectSettings settings;
    settings.source_locale = "en-US";
    settings.target_locales = {"es-US"};
    create_project(path.string(), settings, FixedClock());

    OpenOptions first_options;
    first_options.purpose = "medloc import by ana";
    const auto first = open_project(path.string(), first_options);
    const auto writing = first->transaction(Access::write);

    std::string announced;
    OpenOptions second_options;
    second_options.busy_wait_ms = 1300;
    second_options.on_wait = [&announced](const std::string& holder) { announced += holder + "\n"; };
    const auto second = open_project(path.string(), second_options);

    // A reader does not wait for the writer.
    {
        const auto reading = second->transaction(Access::read);
        CHECK(second->settings().target_locales == std::vector<std::string>{"es-US"});
        CHECK(second->people().empty());
        reading->commit();
    }
    try {
        second->transaction(Access::write);
        FAIL("a second writer got the project");
    } catch (const ProjectBusy& busy) {
        const std::string message = busy.what();
        INFO(message);
        CHECK(message.find(path.string() + " is busy: medloc import by ana (pid ") != std::string::npos);
        CHECK(message.find(") since 20") != std::string::npos);
        CHECK(message.find("run the command again when it has finished") != std::string::npos);
    }
    CHECK(announced.find("medloc import by ana (pid ") == 0);
    CHECK(std::count(announced.begin(), announced.end(), '\n') == 1);

    writing->commit();
    CHECK_FALSE(fs::exists(path.string() + "-writer"));  // the holder's note goes with its transaction
    const auto after = second->transaction(Access::write);
    after->commit();
    fs::remove(path);
}
