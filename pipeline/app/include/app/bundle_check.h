// bundle_check: a published bundle checked against the project, at any
// time (`audit verify --bundle DIR/L`): its manifest was released by a
// signed act of the verified log; every file is the manifest's and is, byte
// for byte, what the document's approved text rebuilds to; every signature
// the manifest cites is in the log; nothing is missing, nothing extra.
#pragma once

#include "reviews/store.h"

#include <string>
#include <vector>

namespace medloc::pipeline {

struct BundleCheck {
    std::string locale;
    std::string manifest_sha256;
    std::string released;  // "2026-11-26T10:00:00Z by Pat Publisher (pat)", if it was
    std::size_t documents_checked = 0;
    std::size_t signatures_checked = 0;
    std::vector<std::string> problems;  // in an auditor's words; none when the bundle is what was released
    reviews::AuditReport log;           // the project's log, verified for the bundle
};

// Throws InputError when `bundle` holds no readable manifest.
BundleCheck check_bundle(reviews::Store& store, const std::string& bundle);

}  // namespace medloc::pipeline
