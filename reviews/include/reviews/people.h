// people: who stands behind a translation's current target, read from its
// log. Used by the four-eyes rules and by the credits of a bundle.
#pragma once

#include "reviews/store.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace medloc::reviews {

// Someone who acted on a translation: a registered person, or, in a log
// from before people were registered, a name only.
struct Contributor {
    std::string id;  // "" for a name from before the registry
    std::string name;
};

struct TargetPeople {
    // Everyone who put the current target's text into the project: who
    // imported it, and whom it was imported for.
    std::vector<Contributor> authors;
    std::optional<Contributor> reviser;  // who revised it since, if anyone
    std::optional<Event> approval;       // its clinical approval since, if any
    std::string approval_hash;           // that approval's hash in the log
    // The target is the source text, confirmed as its own translation by
    // its author (Meaning::kept_source).
    bool source_kept = false;
};

TargetPeople people_of(Store& store, std::string_view segment_id, std::string_view locale);

// The people of every translation of one document into a locale, from one
// read of the document's log: build and review ask for each segment in turn,
// and a read per segment was the most of their time.
class DocumentPeople {
public:
    DocumentPeople(Store& store, std::string_view document_id, std::string_view locale);
    TargetPeople of(const std::string& segment_id) const;

private:
    std::unordered_map<std::string, TargetPeople> by_segment_;
};

}  // namespace medloc::reviews
