// blocker.cpp - blockers as lines and as JSON.
#include "app/blocker.h"

#include <map>
#include <string_view>
#include <tuple>

namespace medloc::pipeline {
namespace {

const char* state_shown(const Blocker& blocker) { return blocker.state ? reviews::to_string(*blocker.state) : "-"; }

}  // namespace

std::string blocker_lines(const std::vector<Blocker>& blockers) {
    // Segments of a document refused for the same reason are one line with
    // a count (73 untranslated segments are one fact, not 73), in the order
    // they came; a few of their ids are named, for --segment.
    struct Group {
        const Blocker* first = nullptr;
        std::vector<const std::string*> segments;
    };
    std::vector<Group> groups;
    std::map<std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>, std::size_t> index;
    for (const Blocker& blocker : blockers) {
        const auto key = std::make_tuple(std::string_view(blocker.file), std::string_view(blocker.document_id),
                                         std::string_view(state_shown(blocker)), std::string_view(blocker.reason));
        const auto [found, added] = index.emplace(key, groups.size());
        if (added) groups.push_back({&blocker, {}});
        groups[found->second].segments.push_back(&blocker.segment_id);
    }
    constexpr std::size_t kNamed = 3;
    std::string lines;
    std::string file;
    for (const Group& group : groups) {
        const Blocker& blocker = *group.first;
        if (blocker.file != file && !blocker.file.empty()) lines += "\n" + blocker.file + ":";
        file = blocker.file;
        std::string where = blocker.segment_id.empty() ? "(document)" : blocker.segment_id;
        if (group.segments.size() > 1) {
            where = std::to_string(group.segments.size()) + " segments (";
            for (std::size_t i = 0; i < group.segments.size() && i < kNamed; ++i)
                where += (i ? ", " : "") + *group.segments[i];
            where += group.segments.size() > kNamed ? ", ...)" : ")";
        }
        lines += "\n  " + blocker.document_id + "  " + where + "  " + state_shown(blocker) + ": " + blocker.reason;
    }
    return lines;
}

nlohmann::ordered_json blockers_json(const std::vector<Blocker>& blockers) {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const Blocker& blocker : blockers)
        json.push_back({{"document", blocker.document_id},
                        {"segment", blocker.segment_id.empty() ? nullptr : nlohmann::ordered_json(blocker.segment_id)},
                        {"state", state_shown(blocker)},
                        {"reason", blocker.reason}});
    return json;
}

}  // namespace medloc::pipeline
