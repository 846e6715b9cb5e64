// checks_beside: the QA checks of many documents' targets, run on a thread
// beside the store's a few documents behind its reads (status, medloc
// check). The checks are half of that work and read nothing of the project
// once their targets are prepared; what they read of it (which targets stay
// as source, the waivers) is read on the store's thread, before and after.
// Private to app/.
#pragma once

#include "app/checks.h"
#include "work_beside.h"

#include <cstddef>
#include <future>
#include <memory>
#include <utility>
#include <vector>

namespace medloc::pipeline {

class ChecksBeside {
public:
    // How many documents the reads may be ahead of the checks: a few, so
    // that memory stays flat.
    static constexpr std::size_t kBehind = 4;

    using Segments = std::shared_ptr<const std::vector<reviews::TranslatedSegment>>;
    // The targets with findings, by their place in the segments checked;
    // waivers not yet applied.
    using Found = std::vector<std::pair<std::size_t, std::vector<qa::Finding>>>;

    // Prepares the checks of the targets here, and runs them beside.
    std::future<Found> check(Checks& checks, Segments segments) {
        std::vector<PreparedTarget> prepared;
        prepared.reserve(segments->size());
        for (const auto& [segment, translation] : *segments)
            prepared.push_back(translation ? checks.prepare(segment, *translation) : PreparedTarget{});
        std::function<Found()> run = [&checks, segments, prepared = std::move(prepared)] {
            Found found;
            for (std::size_t i = 0; i < prepared.size(); ++i)
                if (auto findings = checks.findings((*segments)[i].segment, prepared[i]); !findings.empty())
                    found.emplace_back(i, std::move(findings));
            return found;
        };
        return beside_.hand(std::move(run));
    }

    // The targets' findings once checked, waivers applied (read here).
    static std::vector<std::pair<std::size_t, std::vector<SegmentFinding>>> waived(Checks& checks,
                                                                                   const Segments& segments,
                                                                                   std::future<Found>& checked) {
        std::vector<std::pair<std::size_t, std::vector<SegmentFinding>>> out;
        for (auto& [i, findings] : checked.get()) {
            const auto& [segment, translation] = (*segments)[i];
            out.emplace_back(i, checks.waive(segment, *translation, std::move(findings)));
        }
        return out;
    }

private:
    WorkBeside beside_;
};

}  // namespace medloc::pipeline
