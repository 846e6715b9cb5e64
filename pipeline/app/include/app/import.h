// import: translations back from CAT tools.
//
// Every file is read and checked against the project before anything is
// written: one bad file and nothing changes. Then each file is read again
// and stored, a translation and an event per changed unit, all files of the
// run in one transaction; only one file's changes are ever held in memory.
// A target changed in the project after the file was exported (the file
// says when: xliff.h) is not replaced by the file's older view of it. A file
// made from an older version of a document imports the units whose segment
// is still in the current version (the same source text, the same id) and
// reports the others, changed or removed, by id and text.
//
// What a unit means is decided from its text first and its state second
// (PEERS.md: OmegaT never updates state): a target equal to the source is
// the copy export put there, whatever state the file gives it, unless the
// person importing confirms such targets (--confirm-source-copies) and the
// file marks the unit translated; a target
// that differs from the stored one is new work: a translation, whoever
// brings it, with the person who imported it (and whom it was imported for)
// as its authors; an unchanged target can carry a reviser's or clinician's
// sign-off, but only with that role, under the rules of decisions.h.
#pragma once

#include "app/people.h"
#include "app/services.h"
#include "io/files.h"
#include "reviews/store.h"

#include <string>
#include <vector>

namespace medloc::pipeline {

struct ImportRequest {
    std::vector<std::string> files;
    Credentials credentials;
    reviews::Role role = reviews::Role::translator;
    std::string for_id;  // the person the work is imported for, if not the one importing it
    // Replace targets changed in the project since the file was exported.
    bool overwrite_newer = false;
    // A target equal to its source that the file marks translated or final
    // is the translation, confirmed by the person importing (reference
    // titles, drug names); without this it is the copy export pre-filled.
    bool confirm_source_copies = false;
    InputLimits limits{InputLimits::kXliffBytes};
};

struct ImportedFile {
    std::string path;
    std::string summary;  // per document in it: units by what became of them
};

struct ImportOutcome {
    std::string actor;  // who imported, as the log names them
    std::vector<ImportedFile> files;
    std::size_t changes = 0;
};

// Throws InputError for a file that does not fit the project, Refused when
// the review rules refuse a unit; nothing is stored then.
ImportOutcome import_files(reviews::Store& store, const ImportRequest& request, const Services& services);

}  // namespace medloc::pipeline
