// workspace: `medloc serve`, the review workspace in a browser.
//
// A local web application over one project: a dashboard of every locale
// (the figures of `medloc status`), a review page per document and locale
// with source and target side by side, and signing of each act with the
// passphrase asked again. It calls the same application layer as the
// command line, so four eyes, QA blocks and signatures are decided in one
// place; every request opens the project for itself, so that two reviewers
// at once each get their own transaction.
#pragma once

#include "app/services.h"

#include <iosfwd>
#include <string>

namespace medloc::server {

struct ServeOptions {
    std::string bind = "127.0.0.1";
    int port = 8080;
};

// Serves until SIGINT or SIGTERM. Throws EnvironmentError when the address
// cannot be listened on.
void serve(const std::string& db_path, const ServeOptions& options, const pipeline::Services& services,
           std::ostream& out);

}  // namespace medloc::server
