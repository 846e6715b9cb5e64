// seams: where a medloc binary gets its clock and its file writer. The
// shipped binary links system.cpp (the system clock, the disk, nothing
// else); the test build's twin links test.cpp, the only code that reads
// test variables. Nothing a user can set changes the shipped binary.
#pragma once

#include "app/services.h"

namespace medloc::pipeline {

Services seams();

}  // namespace medloc::pipeline
