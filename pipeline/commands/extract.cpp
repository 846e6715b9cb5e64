// extract.cpp - `medloc extract PATH...`: documents into segments.
#include "app/extract.h"
#include "commands.h"

#include <ostream>

namespace medloc::pipeline {

int run_extract(const Context& context, const ExtractOptions& options) {
    const auto store = open_project(context);
    const ExtractOutcome outcome =
        extract_documents(*store, options.paths, credentials(context), context.services, options.limits);
    for (const std::string& note : outcome.notes) context.err << "medloc: " << note << "\n";
    ExtractReport total;
    for (const ExtractReport& report : outcome.documents) {
        context.out << report.document_id << ": version " << report.version
                    << (report.new_rules && report.same_source
                            ? " (source unchanged; the new segmentation rules cut it as before)"
                        : report.new_rules   ? " (source unchanged, cut again by the new segmentation rules)"
                        : report.same_source ? " (source unchanged)"
                                             : "")
                    << ", " << report.added + report.changed + report.unchanged << " segments: " << report.added
                    << " new, " << report.changed << " changed, " << report.unchanged << " unchanged, "
                    << report.removed << " removed" << (report.outside_text ? "; changed outside the text" : "")
                    << "\n";
        for (const std::string& review : report.withdrawn_reviews)
            context.out << "  withdraws the clinical review of " << review << ": a clinician must review the new "
                        << "version\n";
        total.added += report.added;
        total.changed += report.changed;
        total.unchanged += report.unchanged;
        total.removed += report.removed;
    }
    for (const std::string& id : outcome.restored)
        context.out << id << ": retired before, back in publication with its file\n";
    for (const GoneFromFolder& gone : outcome.gone) {
        context.out << gone.folder << ": " << gone.documents.size()
                    << " document(s) extracted from here before are no longer in it:";
        for (const std::string& id : gone.documents) context.out << ' ' << id;
        context.out << "\n  they are still published; take them out of later bundles with medloc retire\n";
    }
    context.out << outcome.documents.size() << " document(s): " << total.added << " new, " << total.changed
                << " changed, " << total.unchanged << " unchanged, " << total.removed << " removed\n";
    return 0;
}

}  // namespace medloc::pipeline
