// system.cpp - the shipped binary's seams: the system clock, the disk, and
// SQLite's own behaviour with a minute's wait for another writer.
#include "seams/seams.h"

namespace medloc::pipeline {

Services seams() {
    static const reviews::SystemClock clock;
    static DiskWriter disk;
    return {clock, disk, {}};
}

}  // namespace medloc::pipeline
