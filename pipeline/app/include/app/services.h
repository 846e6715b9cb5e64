// services: what the outside world lends a command. The shipped binary
// passes the system clock and the disk; the test build passes a fixed
// clock or a disk that fails (commands/seams/).
#pragma once

#include "io/files.h"
#include "reviews/clock.h"
#include "reviews/store.h"

namespace medloc::pipeline {

struct Services {
    const reviews::Clock& clock;
    FileWriter& files;
    reviews::OpenOptions database;  // how long to wait for a writer; the test build's faults
    // How much of the documents it took apart extract's checking pass keeps
    // for its storing pass (the rest wait in a scratch file): memory stays
    // flat however large the corpus. 16 MiB, not 48: the checking pass also
    // fills SQLite's cache as it looks up each document, and with both full
    // a re-extract at 10,000 documents peaked at 119 MB against 78 at 1,000,
    // while the scratch file costs no time. The test build lowers it.
    std::size_t extract_kept_bytes = 16u << 20;
};

}  // namespace medloc::pipeline
