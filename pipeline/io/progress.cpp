// progress.cpp - a progress line on a terminal (see progress.h).
#include "io/progress.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace medloc::pipeline {
namespace {

std::string duration(double seconds) {
    const long whole = std::lround(seconds);
    if (whole < 90) return std::to_string(std::max(whole, 1L)) + " s";
    if (whole < 90 * 60) return std::to_string((whole + 30) / 60) + " min";
    return std::to_string(whole / 3600) + " h " + std::to_string((whole % 3600 + 30) / 60) + " min";
}

}  // namespace

std::string progress_line(std::string_view verb, std::size_t done, std::size_t total, double seconds) {
    std::string line = std::string(verb) + " " + std::to_string(done) + "/" + std::to_string(total);
    if (total > 0) line += "  " + std::to_string(done * 100 / total) + "%";
    // A rate and an estimate only once there is something to go by.
    if (done == 0 || seconds < 0.5) return line;
    const double rate = static_cast<double>(done) / seconds;
    char shown[32];
    std::snprintf(shown, sizeof shown, rate < 10 ? "%.1f/s" : "%.0f/s", rate);
    line += std::string("  ") + shown;
    if (done < total) line += "  about " + duration(static_cast<double>(total - done) / rate) + " left";
    return line;
}

Progress::Progress(std::string verb, std::size_t total)
    : verb_(std::move(verb)),
      total_(total),
      shown_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
}

void Progress::at(std::size_t done) {
    if (!shown_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done > 1 && done < total_ && now - drawn_ < std::chrono::milliseconds(100)) return;
    drawn_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::cerr << "\r\033[K" << progress_line(verb_, done > 0 ? done - 1 : 0, total_, seconds) << std::flush;
}

}  // namespace medloc::pipeline
