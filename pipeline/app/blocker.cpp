// blocker.cpp - blockers as lines and as JSON.
#include "app/blocker.h"

namespace medloc::pipeline {
namespace {

const char* state_shown(const Blocker& blocker) { return blocker.state ? reviews::to_string(*blocker.state) : "-"; }

}  // namespace

std::string blocker_lines(const std::vector<Blocker>& blockers) {
    std::string lines;
    std::string file;
    for (const Blocker& blocker : blockers) {
        if (blocker.file != file && !blocker.file.empty()) lines += "\n" + blocker.file + ":";
        file = blocker.file;
        lines += "\n  " + blocker.document_id + "  " +
                 (blocker.segment_id.empty() ? "(document)" : blocker.segment_id) + "  " + state_shown(blocker) + ": " +
                 blocker.reason;
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
