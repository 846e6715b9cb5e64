// import: translations back from CAT tools.
//
// Every file is read and checked against the project before anything is
// written: one bad file and nothing changes. Then each file is read again
// and stored in a transaction of its own, a translation and an event per
// changed unit; only one file's changes are ever held in memory.
//
// What a unit means is decided from its text first and its state second
// (PEERS.md: OmegaT never updates state): a target equal to the source is
// the copy export put there unless the file claims it translated; a target
// that differs from the stored one is new work by this person; an unchanged
// target can carry a reviser's or clinician's sign-off, but only with that
// role, under the rules of decisions.h.
#pragma once

#include "app/services.h"
#include "reviews/store.h"

#include <string>
#include <vector>

namespace medloc::pipeline {

struct ImportRequest {
    std::vector<std::string> files;
    std::string actor;
    reviews::Role role = reviews::Role::translator;
};

struct ImportedFile {
    std::string path;
    std::string summary;  // per document in it: units by what became of them
};

struct ImportOutcome {
    std::vector<ImportedFile> files;
    std::size_t changes = 0;
};

// Throws InputError for a file that does not fit the project, Refused when
// the review rules refuse a unit; nothing is stored then.
ImportOutcome import_files(reviews::Store& store, const ImportRequest& request, const Services& services);

}  // namespace medloc::pipeline
