// assets: the workspace's style sheet and script, shipped in the binary
// (the machine it runs on may have no internet: nothing from a CDN).
#pragma once

namespace medloc::server {

extern const char* const kStyleSheet;  // screen and print
extern const char* const kScript;      // history on demand; works without it too

}  // namespace medloc::server
