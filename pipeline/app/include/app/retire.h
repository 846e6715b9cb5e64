// retire: documents taken out of publication by a publisher. A retired
// document is in no later bundle; its segments, translations and history
// stay, and extracting its file again brings it back.
#pragma once

#include "app/people.h"
#include "app/services.h"
#include "reviews/store.h"

#include <string>
#include <vector>

namespace medloc::pipeline {

struct RetireRequest {
    std::vector<std::string> documents;
    Credentials credentials;
    std::string comment;
};

// Throws InputError for a document that is not in publication; nothing is
// retired then.
void retire_documents(reviews::Store& store, const RetireRequest& request, const Services& services);

}  // namespace medloc::pipeline
