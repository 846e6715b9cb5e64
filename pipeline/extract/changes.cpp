// changes.cpp - pairing edited sentences across two versions (see changes.h).
#include "extract/changes.h"

#include "locales/locales.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>

namespace medloc::pipeline {
namespace {

std::multiset<std::string> words_of(const std::string& text) {
    std::multiset<std::string> words;
    std::istringstream in(locales::fold_case(text));
    for (std::string word; in >> word;) words.insert(word);
    return words;
}

// One gap: the old segments removed in it and the new ones added in it,
// as positions.
struct Gap {
    std::vector<std::size_t> removed;
    std::vector<std::size_t> added;
};

void pair_within(const Gap& gap, const std::vector<Sentence>& old_version, const std::vector<Sentence>& new_version,
                 std::map<std::string, std::string>& replaces) {
    std::set<std::size_t> taken;
    std::vector<std::size_t> unpaired;
    for (const std::size_t n : gap.added) {
        double best = 0.5;
        std::optional<std::size_t> chosen;
        for (const std::size_t k : gap.removed) {
            if (taken.contains(k)) continue;
            const double score = similarity(old_version[k].plain, new_version[n].plain);
            if (score >= best) best = score, chosen = k;
        }
        if (!chosen) {
            unpaired.push_back(n);
            continue;
        }
        taken.insert(*chosen);
        replaces[new_version[n].id] = old_version[*chosen].id;
    }
    // One new and one removed left over: the same place, edited past recognition.
    if (unpaired.size() == 1 && gap.removed.size() == taken.size() + 1)
        for (const std::size_t k : gap.removed)
            if (!taken.contains(k)) replaces[new_version[unpaired.front()].id] = old_version[k].id;
}

}  // namespace

double similarity(const std::string& a, const std::string& b) {
    const auto wa = words_of(a), wb = words_of(b);
    if (wa.empty() || wb.empty()) return 0;
    std::vector<std::string> common;
    std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
    return 2.0 * static_cast<double>(common.size()) / static_cast<double>(wa.size() + wb.size());
}

std::map<std::string, std::string> pair_changes(const std::vector<Sentence>& old_version,
                                                const std::vector<Sentence>& new_version) {
    std::map<std::string, std::size_t> old_position;
    for (std::size_t i = 0; i < old_version.size(); ++i) old_position[old_version[i].id] = i;
    std::set<std::string> new_ids;
    for (const Sentence& sentence : new_version) new_ids.insert(sentence.id);

    std::map<std::string, std::string> replaces;
    std::size_t old_begin = 0, new_begin = 0;
    for (std::size_t i = 0; i <= new_version.size(); ++i) {
        const bool at_end = i == new_version.size();
        const auto kept = at_end ? old_position.end() : old_position.find(new_version[i].id);
        if (!at_end && kept == old_position.end()) continue;  // still inside the gap
        // The gap: old [old_begin, old_end), new [new_begin, i).
        const std::size_t old_end = at_end ? old_version.size() : std::max(kept->second, old_begin);
        Gap gap;
        for (std::size_t k = old_begin; k < old_end; ++k)
            if (!new_ids.contains(old_version[k].id)) gap.removed.push_back(k);
        for (std::size_t k = new_begin; k < i; ++k) gap.added.push_back(k);
        pair_within(gap, old_version, new_version, replaces);
        if (!at_end) old_begin = std::max(old_begin, kept->second + 1);
        new_begin = i + 1;
    }
    return replaces;
}

}  // namespace medloc::pipeline
