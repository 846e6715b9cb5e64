// blocker: one reason why an act cannot go ahead (a review, an import, a
// build), shown to people as a line and to scripts as JSON. Every refusal
// of the workflow is a list of these.
#pragma once

#include "reviews/vocabulary.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct Blocker {
    std::string file;  // the imported file it was found in, if any
    std::string document_id;
    std::string segment_id;               // "" for the document as a whole
    std::optional<reviews::State> state;  // the translation's state; none for a document
    std::string reason;
};

// One line per blocker ("\n  DOC  SEGMENT  STATE: REASON"), under a line
// naming its file where it has one; the segments of a document with the
// same state and reason share a line ("\n  DOC  73 segments (A, B, C, ...)
// STATE: REASON"). blockers_json keeps every one.
std::string blocker_lines(const std::vector<Blocker>& blockers);

// [{"document", "segment" (null for a document), "state", "reason"}...]
nlohmann::ordered_json blockers_json(const std::vector<Blocker>& blockers);

}  // namespace medloc::pipeline
