// glossary: the project's terminology, imported from a TBX file by a
// publisher in one signed act. The file replaces the glossary before it
// (the project keeps every one imported, the log their hashes); the checks
// of every locale read the one in force (app/checks.h).
#pragma once

#include "app/people.h"
#include "app/services.h"
#include "reviews/store.h"

#include <cstddef>
#include <map>
#include <string>

namespace medloc::pipeline {

struct GlossaryRequest {
    std::string file;
    Credentials credentials;
    std::string comment;
};

struct GlossaryOutcome {
    std::size_t concepts = 0;
    std::size_t terms = 0;
    // target locale -> the terms the checks of that locale use
    std::map<std::string, std::size_t> per_locale;
    bool unchanged = false;  // the file is the glossary already in force
};

// Throws InputError for a file that is no usable TBX (where and what);
// nothing changes then.
GlossaryOutcome import_glossary(reviews::Store& store, const GlossaryRequest& request, const Services& services);

}  // namespace medloc::pipeline
