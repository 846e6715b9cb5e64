// localized: one document of a bundle, rebuilt from its skeleton with the
// locale's targets, HTML given the locale's lang and dir.
#pragma once

#include "reviews/store.h"

#include <string>
#include <vector>

namespace medloc::pipeline {

struct LocalizedDocument {
    std::string bytes;
    // What each target shows a reader: its text, and the URLs and addresses
    // it carries (read_back.h).
    std::vector<std::string> targets_shown;
};

// `segments` are the version's, with their translations into `locale`
// (Store::version_translations); every one must have a target (the gate
// checked that). Throws RebuildError.
LocalizedDocument localized_document(const reviews::DocumentVersion& version,
                                     const std::vector<reviews::TranslatedSegment>& segments,
                                     const std::string& locale);

}  // namespace medloc::pipeline
