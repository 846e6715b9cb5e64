// changes: which new sentence of a document is the edited form of which old
// one, so that its translations are carried over as stale, not lost.
//
// Both versions are cut into gaps between the segments they share, in
// order; within a gap a new segment pairs with the removed one sharing most
// of its words (at least half), and a gap left with one new and one removed
// segment pairs those two ("911" edited to "912" shares no word, but stands
// where the old one stood).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct Sentence {
    std::string id;
    std::string plain;
};

// Word overlap of two texts: the Dice coefficient over case-folded words.
double similarity(const std::string& a, const std::string& b);

// New segment id -> the removed segment id it replaces.
std::map<std::string, std::string> pair_changes(const std::vector<Sentence>& old_version,
                                                const std::vector<Sentence>& new_version);

}  // namespace medloc::pipeline
