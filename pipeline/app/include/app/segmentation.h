// segmentation: the rules a project cuts its sentences by. medloc's own
// for the source language (locales/) unless a publisher sets an SRX file;
// its rules then decide wherever they match, and medloc's own everywhere
// else. Setting rules is one signed act, logged with the file's hash; the
// next extract cuts every document again under them, with the usual report
// of changed segments, so their translations start over.
#pragma once

#include "app/people.h"
#include "app/services.h"
#include "locales/locales.h"
#include "reviews/store.h"

#include <cstddef>
#include <string>
#include <vector>

namespace medloc::pipeline {

// The rules in force, for the project's source language.
struct ProjectSegmentation {
    std::string sha256;  // of the SRX file; "" for medloc's own rules
    std::vector<locales::BreakRule> rules;
    std::vector<std::string> language_rules;  // the names of the file's rules that apply
};
ProjectSegmentation project_segmentation(reviews::Store& store);
// The SHA-256 of the rules in force, "" for medloc's own: what a document
// version records, without reading the rules.
std::string segmentation_sha256(reviews::Store& store);

// Reads and checks an SRX file for a project whose source is
// `source_locale`. Throws InputError naming the file, the place and what is
// wrong, also when no rules of the file apply to the source language.
ProjectSegmentation read_segmentation_file(const std::string& file, const std::string& source_locale);

struct SegmentationRequest {
    std::string file;  // an SRX file; "" to go back to medloc's own rules
    Credentials credentials;
    std::string comment;
};

struct SegmentationOutcome {
    ProjectSegmentation segmentation;
    bool unchanged = false;  // the rules were in force already
};

// Done by a publisher. Throws InputError for a file that is no usable SRX;
// nothing changes then.
SegmentationOutcome set_segmentation(reviews::Store& store, const SegmentationRequest& request,
                                     const Services& services);

}  // namespace medloc::pipeline
