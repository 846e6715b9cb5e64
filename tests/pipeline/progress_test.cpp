// The progress line of long steps: a rate and an estimate once there is
// something to go by.
#include "io/progress.h"

#include <catch2/catch.hpp>

using medloc::pipeline::progress_line;

TEST_CASE("progress shows done, share, rate and time left", "[progress]") {
    CHECK(progress_line("importing", 0, 1000, 0.0) == "importing 0/1000  0%");
    CHECK(progress_line("importing", 120, 1000, 0.2) == "importing 120/1000  12%");  // too soon for a rate
    CHECK(progress_line("importing", 120, 1000, 3.0) == "importing 120/1000  12%  40/s  about 22 s left");
    CHECK(progress_line("checking", 3, 1000, 2.0) == "checking 3/1000  0%  1.5/s  about 11 min left");
    CHECK(progress_line("writing", 10, 100000, 10.0) == "writing 10/100000  0%  1.0/s  about 27 h 47 min left");
    CHECK(progress_line("exporting", 1000, 1000, 25.0) == "exporting 1000/1000  100%  40/s");
    CHECK(progress_line("exporting", 0, 0, 1.0) == "exporting 0/0");
}
