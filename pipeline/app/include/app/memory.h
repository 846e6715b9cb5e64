// memory: the project's translation memory, in and out as TMX.
//
// The memory grows two ways: every translation a clinician approves is
// kept in it (with who translated and who approved it, its document and
// its neighbours), and a publisher can add the units of a TMX file, each
// kept with the file's name as its origin, its translator (creationid) and
// its last editor (changeid). Leverage (leverage.h) offers both to
// translators at export; `tm export` writes the project's own approved
// translations for other tools.
#pragma once

#include "app/people.h"
#include "app/services.h"
#include "io/files.h"
#include "reviews/store.h"

#include <cstddef>
#include <map>
#include <string>

namespace medloc::pipeline {

struct MemoryImportRequest {
    std::string file;
    Credentials credentials;
    std::string comment;
    InputLimits limits{InputLimits::kXliffBytes};
};

struct MemoryImportOutcome {
    std::size_t units = 0;                               // translation units in the file
    std::map<std::string, std::size_t> added;            // project locale -> units added for it
    std::size_t known = 0;                               // variants the memory held already
    std::size_t without_source = 0;                      // units with no text in the project's source language
    std::map<std::string, std::size_t> other_languages;  // variants in languages no project locale takes
    bool unchanged() const { return added.empty(); }
};

// One signed act by a publisher; throws InputError for a file that is no
// TMX medloc reads (where and what), and nothing changes then. A file that
// adds nothing (every unit known, or none in the project's languages)
// changes nothing either.
MemoryImportOutcome import_memory(reviews::Store& store, const MemoryImportRequest& request, const Services& services);

struct MemoryExportRequest {
    std::string locale;  // as the person gave it
    std::string out;     // the TMX file to write
};

struct MemoryExportOutcome {
    std::string locale;
    std::size_t units = 0;
};

// The project's approved translations into `locale`, as TMX 1.4b: each
// unit with a tuid, creationid (the translator) and changeid (the
// approver), their dates, and the document as a property.
MemoryExportOutcome export_memory(reviews::Store& store, const MemoryExportRequest& request, const Services& services);

}  // namespace medloc::pipeline
