// build.cpp - `medloc build`: a localized bundle, only from approved text.
#include "app/build.h"
#include "commands.h"
#include "io/errors.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace medloc::pipeline {

int run_build(const Context& context, const BuildOptions& options) {
    const auto store = open_project(context);
    const BuildOutcome outcome =
        build_bundle(*store, {options.locale, options.out_dir, credentials(context)}, context.services);
    if (!outcome.blockers.empty()) {
        if (!options.json)
            throw Refused("build " + outcome.locale + " as of " + outcome.as_of + ": " +
                          std::to_string(outcome.blockers.size()) + " blocker(s):" + blocker_lines(outcome.blockers) +
                          "\n");
        nlohmann::ordered_json json;
        json["locale"] = outcome.locale;
        json["as_of"] = outcome.as_of;
        json["built"] = false;
        json["blockers"] = blockers_json(outcome.blockers);
        context.out << json.dump(2) << "\n";
        return 3;
    }
    for (const BuiltDocument& document : outcome.documents)
        context.out << outcome.locale << "/" << document.document_id << ": version " << document.version
                    << ", reviewed " << document.last_reviewed << ", next review " << document.next_due << "\n";
    context.out << "Built " << outcome.bundle << ": " << outcome.documents.size()
                << " document(s) and manifest.json (sha256 " << outcome.manifest_sha256 << "), released by "
                << outcome.released_by << "\n";
    return 0;
}

}  // namespace medloc::pipeline
