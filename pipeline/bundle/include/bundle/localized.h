// localized: one document of a bundle, rebuilt from its skeleton with the
// locale's targets, HTML given the locale's lang and dir.
#pragma once

#include "reviews/store.h"

#include <string>

namespace medloc::pipeline {

// Every segment of `version` must have a target in `locale` (the gate
// checked that). Throws RebuildError.
std::string localized_document(reviews::Store& store, const reviews::DocumentVersion& version,
                               const std::string& locale);

}  // namespace medloc::pipeline
