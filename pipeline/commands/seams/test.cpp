// test.cpp - the test build's seams (binary medloc_under_test only):
//   MEDLOC_TEST_NOW=YYYY-MM-DDTHH:MM:SSZ   the clock stands at that time
//   MEDLOC_TEST_KILL_AFTER_WRITES=N        the process is killed (SIGKILL)
//                                          right after its Nth file write
// so that tests can review on a known date and kill a build half way.
#include "seams/seams.h"

#include <signal.h>

#include <cstdlib>
#include <string>

namespace medloc::pipeline {
namespace {

class TestClock final : public reviews::Clock {
public:
    std::string now() const override {
        const char* fixed = std::getenv("MEDLOC_TEST_NOW");
        return fixed && *fixed ? fixed : system_.now();
    }

private:
    reviews::SystemClock system_;
};

class KillingWriter final : public FileWriter {
public:
    void write(const std::filesystem::path& path, std::string_view bytes) override {
        disk_.write(path, bytes);
        const char* after = std::getenv("MEDLOC_TEST_KILL_AFTER_WRITES");
        if (after && std::to_string(++writes_) == after) raise(SIGKILL);
    }

private:
    DiskWriter disk_;
    int writes_ = 0;
};

}  // namespace

Services seams() {
    static const TestClock clock;
    static KillingWriter writer;
    return {clock, writer};
}

}  // namespace medloc::pipeline
