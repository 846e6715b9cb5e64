// extract: documents into segments, as one change of the project.
//
// All named documents are read, checked (size, text, nesting: io/files.h
// InputLimits) and taken apart first, without the write lock; then stored in
// one transaction: one bad file and the project stays exactly as it was.
// Memory does not grow with the number of documents: what the first pass
// took apart is kept only up to a budget.
//
// Against the document's current version each segment is unchanged (same
// id), new, or removed; a new segment standing where a removed one stood,
// with mostly the same words, is the changed form of it (extract/changes.h):
// it remembers the segment it replaces, and every translation of that one
// starts over as needs-translation with the old pair kept. Removed segments
// are retired, not deleted.
#pragma once

#include "app/people.h"
#include "app/services.h"
#include "io/files.h"
#include "reviews/store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct ExtractReport {
    std::string document_id;
    std::int64_t version = 0;
    std::size_t added = 0, changed = 0, unchanged = 0, removed = 0;
    bool same_source = false;  // the file is byte for byte the current version
    // The same source, cut again because the segmentation rules changed.
    bool new_rules = false;
    // A new version whose sentences are all as they were: the change is in
    // markup, links, attributes or protected text, which no segment shows.
    bool outside_text = false;
    // The clinical reviews of the document the new version withdrew
    // ("es-US: 2026-11-26 by Dr. Carla Chen").
    std::vector<std::string> withdrawn_reviews;
};

// Documents extracted from a folder before that are no longer in it: still
// published until a publisher retires them (retire.h).
struct GoneFromFolder {
    std::string folder;
    std::vector<std::string> documents;
};

struct ExtractOutcome {
    std::vector<ExtractReport> documents;
    std::vector<std::string> notes;  // files passed over, for the person who ran it
    std::vector<GoneFromFolder> gone;
    std::vector<std::string> restored;  // retired documents whose file is back
};

// `paths`: files or folders; a document's id is its path inside the folder
// given. Done by a publisher. Throws InputError for the first bad one, with
// nothing stored.
ExtractOutcome extract_documents(reviews::Store& store, const std::vector<std::string>& paths,
                                 const Credentials& credentials, const Services& services,
                                 const InputLimits& limits = {});

}  // namespace medloc::pipeline
