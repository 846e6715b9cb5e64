// export.cpp - `medloc export`: one XLIFF file per document for a locale.
#include "app/export.h"
#include "app/project.h"
#include "commands.h"
#include "io/errors.h"

#include <ostream>

namespace medloc::pipeline {

int run_export(const Context& context, const ExportOptions& options) {
    const auto format = xliff::version_named(options.format);
    if (!format) throw UsageError("--format " + options.format + " is not one medloc writes (xliff-1.2 or xliff-2.0)");
    const auto store = open_project(context);
    ExportRequest request;
    request.locale = target_locale_option(store->settings(), options.locale);
    request.out_dir = options.out_dir;
    request.format = *format;
    request.pending = options.pending;
    request.pseudo = options.pseudo;
    const ExportOutcome outcome = export_locale(*store, request, context.services);
    std::size_t files = 0, units = 0, pending = 0;
    for (const ExportedFile& file : outcome.files) {
        if (file.path.empty()) {
            context.out << file.document_id << ": nothing to export\n";
            continue;
        }
        context.out << file.path << ": " << file.units << " units, " << file.pending << " pending\n";
        ++files;
        units += file.units;
        pending += file.pending;
    }
    context.out << files << " file(s) in " << outcome.folder << ": " << units << " units, " << pending << " pending"
                << (options.pseudo ? ", pseudo-translated" : "") << "\n";
    return 0;
}

}  // namespace medloc::pipeline
