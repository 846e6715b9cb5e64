// progress: "importing 120/1000  12%  40/s  about 22 s left" on a terminal,
// nothing when stderr is a file or a pipe (DESIGN.md: long steps show
// progress only to people).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace medloc::pipeline {

// The line shown after `seconds` with `done` of `total` items done.
std::string progress_line(std::string_view verb, std::size_t done, std::size_t total, double seconds);

class Progress {
public:
    Progress(std::string verb, std::size_t total);
    ~Progress();  // leaves the line clean
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Item `done` (1-based) is being worked on. Redrawn at most ten times a
    // second, so that a fast step is not slowed by its own progress.
    void at(std::size_t done);

private:
    std::string verb_;
    std::size_t total_;
    bool shown_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point drawn_;
};

}  // namespace medloc::pipeline
