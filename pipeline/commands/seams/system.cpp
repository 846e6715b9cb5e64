// system.cpp - the shipped binary's seams: the system clock and the disk.
#include "seams/seams.h"

namespace medloc::pipeline {

Services seams() {
    static const reviews::SystemClock clock;
    static DiskWriter disk;
    return {clock, disk};
}

}  // namespace medloc::pipeline
