// build: a localized bundle, only from approved text.
//
// The gate comes first: every segment of every document approved, for the
// very source and target text it has now, and every document's clinical
// review current today (a build always judges at the current time) and
// still signing the document as it is; and the log verifying. One blocker
// and nothing is published. Each document is read once: judged, and while
// nothing blocks, rebuilt (bundle/localized.h), read back
// (bundle/read_back.h) and written into a bundle folder that is swapped into
// place whole (bundle/bundle_folder.h) only once every document passed, with
// manifest.json: versions, hashes, who
// translated, revised and approved, each signature that releases a document
// (name, role, meaning, time, the log entry's hash), review dates and the
// owner's key fingerprint. A build is a publisher's act: the release is an
// entry of the log, with the manifest's hash, signed like every act.
#pragma once

#include "app/blocker.h"
#include "app/people.h"
#include "app/services.h"
#include "reviews/store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct BuildRequest {
    std::string locale;  // as the person gave it
    std::string out_dir;
    Credentials credentials;  // a publisher's
};

struct BuiltDocument {
    std::string document_id;
    std::int64_t version = 0;
    std::string last_reviewed;
    std::string next_due;
};

struct BuildOutcome {
    std::string locale;
    std::string as_of;
    std::vector<Blocker> blockers;  // when any, nothing was written
    std::vector<BuiltDocument> documents;
    std::string bundle;  // the folder written
    std::string released_by;
    std::string manifest_sha256;
};

BuildOutcome build_bundle(reviews::Store& store, const BuildRequest& request, const Services& services);

}  // namespace medloc::pipeline
