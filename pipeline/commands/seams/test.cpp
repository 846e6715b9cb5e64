// test.cpp - the test build's seams (binary medloc_under_test only):
//   MEDLOC_TEST_NOW=YYYY-MM-DDTHH:MM:SSZ   the clock stands at that time
//   MEDLOC_TEST_KILL_AFTER_WRITES=N        the process is killed (SIGKILL)
//                                          right after its Nth file write
//   MEDLOC_TEST_FAIL_AT=N                  the Nth fault point (a database
//                                          statement or a file write) fails
//                                          as a disk error would
//   MEDLOC_TEST_COUNT_FAULT_POINTS=FILE    at exit, the number of fault
//                                          points reached goes to FILE
//   MEDLOC_TEST_BUSY_WAIT_MS=N             a writer waits N ms for another
//   MEDLOC_TEST_EXTRACT_KEPT_BYTES=N       extract keeps N bytes of documents
//                                          taken apart for its storing pass
// so that tests can review on a known date, kill a build half way, fail
// every step of a command in turn, meet a busy project quickly, and extract
// a corpus larger than what extract keeps.
#include "io/errors.h"
#include "seams/seams.h"

#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>

namespace medloc::pipeline {
namespace {

const char* variable(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

class TestClock final : public reviews::Clock {
public:
    std::string now() const override {
        const char* fixed = variable("MEDLOC_TEST_NOW");
        return fixed ? fixed : system_.now();
    }

private:
    reviews::SystemClock system_;
};

// Every database statement and file write is a fault point, counted in the
// order the command reaches them; a build's log verification reaches its
// own from a second thread.
class FaultPoints {
public:
    FaultPoints() {
        if (const char* at = variable("MEDLOC_TEST_FAIL_AT")) fail_at_ = std::atol(at);
    }
    ~FaultPoints() {
        if (const char* file = variable("MEDLOC_TEST_COUNT_FAULT_POINTS")) std::ofstream(file) << reached_ << "\n";
    }
    FaultPoints(const FaultPoints&) = delete;
    FaultPoints& operator=(const FaultPoints&) = delete;

    // True when this point is the one to fail.
    bool fails() { return ++reached_ == fail_at_; }

private:
    std::atomic<long> reached_ = 0;
    long fail_at_ = 0;
};

FaultPoints& fault_points() {
    static FaultPoints points;
    return points;
}

class TestWriter final : public FileWriter {
public:
    // Fails before anything is made, or kills the process once the file is
    // in place, where the test asks.
    std::unique_ptr<FileStream> open(const std::filesystem::path& path) override {
        if (fault_points().fails())
            throw EnvironmentError(path.string(), "cannot be written (injected by the test build)",
                                   "check the free space");
        return std::make_unique<Stream>(disk_.open(path), writes_);
    }

private:
    class Stream final : public FileStream {
    public:
        Stream(std::unique_ptr<FileStream> disk, int& writes) : disk_(std::move(disk)), writes_(writes) {}
        void append(std::string_view bytes) override { disk_->append(bytes); }
        void commit() override {
            disk_->commit();
            const char* after = variable("MEDLOC_TEST_KILL_AFTER_WRITES");
            if (after && std::to_string(++writes_) == after) raise(SIGKILL);
        }

    private:
        std::unique_ptr<FileStream> disk_;
        int& writes_;
    };

    DiskWriter disk_;
    int writes_ = 0;
};

}  // namespace

Services seams() {
    static const TestClock clock;
    static TestWriter writer;
    reviews::OpenOptions database;
    if (const char* wait = variable("MEDLOC_TEST_BUSY_WAIT_MS")) database.busy_wait_ms = std::atoi(wait);
    fault_points();  // made before anything can reach a point, so it outlives them all
    database.fault = [] { return fault_points().fails(); };
    Services services{clock, writer, database};
    if (const char* kept = variable("MEDLOC_TEST_EXTRACT_KEPT_BYTES"))
        services.extract_kept_bytes = std::strtoull(kept, nullptr, 10);
    return services;
}

}  // namespace medloc::pipeline
