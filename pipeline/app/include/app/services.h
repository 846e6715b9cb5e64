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
    // for its storing pass (the rest are read again): memory stays flat
    // however large the corpus. The test build lowers it to try the rest.
    std::size_t extract_kept_bytes = 48u << 20;
};

}  // namespace medloc::pipeline
