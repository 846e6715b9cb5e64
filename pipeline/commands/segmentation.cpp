// segmentation.cpp - `medloc segmentation set|reset|show`: the rules the
// project cuts sentences by.
#include "app/segmentation.h"
#include "commands.h"

#include <ostream>

namespace medloc::pipeline {
namespace {

void print_rules(const ProjectSegmentation& segmentation, const std::string& source, std::ostream& out) {
    if (segmentation.sha256.empty()) {
        out << "Sentences are cut by medloc's own rules for " << source << "\n";
        return;
    }
    out << "Sentences are cut by the project's SRX file (sha256 " << segmentation.sha256
        << "): " << segmentation.rules.size() << " rules for " << source << " from";
    for (const std::string& name : segmentation.language_rules) out << " \"" << name << "\"";
    out << "; where none of them matches, by medloc's own rules\n";
}

}  // namespace

void print_segmentation(reviews::Store& store, std::ostream& out) {
    const auto reading = store.transaction(reviews::Access::read);
    const ProjectSegmentation segmentation = project_segmentation(store);
    const std::string& source = store.settings().source_locale;
    const std::vector<std::string> waiting = store.documents_cut_otherwise(segmentation.sha256);
    reading->commit();
    print_rules(segmentation, source, out);
    if (waiting.empty()) return;
    out << waiting.size() << " document(s) were cut by other rules; the next medloc extract of them cuts them by "
        << "these (segments that change start over in every locale, as edited text does):";
    for (std::size_t i = 0; i < waiting.size() && i < 10; ++i) out << ' ' << waiting[i];
    out << (waiting.size() > 10 ? " ...\n" : "\n");
}

namespace {

int set_and_report(const Context& context, const SegmentationRequest& request) {
    const auto store = open_project(context);
    const SegmentationOutcome outcome = set_segmentation(*store, request, context.services);
    if (outcome.unchanged) context.out << "These rules are in force already; nothing changed\n";
    print_segmentation(*store, context.out);
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
