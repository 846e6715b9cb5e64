// progress: "exporting 120/1000" on a terminal, nothing when stderr is a
// file or a pipe (DESIGN.md: long steps show progress only to people).
#pragma once

#include <unistd.h>

#include <cstddef>
#include <iostream>
#include <string>

namespace medloc::pipeline {

class Progress {
public:
    Progress(std::string verb, std::size_t total)
        : verb_(std::move(verb)), total_(total), shown_(isatty(STDERR_FILENO) != 0) {}
    ~Progress() {
        if (shown_) std::cerr << "\r\033[K" << std::flush;  // leave the line clean
    }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Item `done` (1-based) is being worked on.
    void at(std::size_t done) const {
        if (shown_) std::cerr << "\r" << verb_ << " " << done << "/" << total_ << std::flush;
    }

private:
    std::string verb_;
    std::size_t total_;
    bool shown_;
};

}  // namespace medloc::pipeline
