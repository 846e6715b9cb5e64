// segmentation.cpp - `medloc segmentation set|reset|show`: the rules the
// project cuts sentences by.
#include "app/segmentation.h"
#include "commands.h"

#include <ostream>

namespace medloc::pipeline {

void print_segmentation(reviews::Store& store, std::ostream& out) {
    const auto reading = store.transaction(reviews::Access::read);
    const ProjectSegmentation segmentation = project_segmentation(store);
    const std::string& source = store.settings().source_locale;
    reading->commit();
    if (segmentation.sha256.empty()) {
        out << "Sentences are cut by medloc's own rules for " << source << "\n";
        return;
    }
    out << "Sentences are cut by the project's SRX file (sha256 " << segmentation.sha256
        << "): " << segmentation.rules.size() << " rules for " << source << " from";
    for (const std::string& name : segmentation.language_rules) out << " \"" << name << "\"";
    out << "; where none of them matches, by medloc's own rules\n";
}

namespace {

int set_and_report(const Context& context, const SegmentationRequest& request) {
    const auto store = open_project(context);
    const SegmentationOutcome outcome = set_segmentation(*store, request, context.services);
    if (outcome.unchanged) context.out << "These rules are in force already; nothing changed\n";
    print_segmentation(*store, context.out);
    if (!outcome.unchanged)
        context.out << "The next medloc extract cuts every document by them: segments that change start over "
                       "in every locale, as edited text does\n";
    return 0;
}

}  // namespace

int run_segmentation_set(const Context& context, const SegmentationOptions& options) {
    return set_and_report(context, {options.file, credentials(context), options.comment});
}

int run_segmentation_reset(const Context& context, const SegmentationOptions& options) {
    return set_and_report(context, {"", credentials(context), options.comment});
}

int run_segmentation_show(const Context& context) {
    const auto store = open_project(context);
    print_segmentation(*store, context.out);
    return 0;
}

}  // namespace medloc::pipeline
