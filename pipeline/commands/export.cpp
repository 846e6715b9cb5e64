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
    std::size_t files = 0, units = 0, pending = 0, prefilled = 0, fuzzy = 0;
    // "; 60 pre-filled from the translation memory, 5 with fuzzy matches"
    const auto leveraged = [](std::size_t from_memory, std::size_t fuzzy_only) {
        if (from_memory + fuzzy_only == 0) return std::string();
        return "; " + std::to_string(from_memory) + " pre-filled from the translation memory (to be checked), " +
               std::to_string(fuzzy_only) + " with fuzzy matches";
    };
    for (const ExportedFile& file : outcome.files) {
        if (file.path.empty()) {
            context.out << file.document_id << ": nothing to export\n";
            continue;
        }
        context.out << file.path << ": " << file.units << " units, " << file.pending << " pending"
                    << leveraged(file.prefilled, file.fuzzy) << "\n";
        ++files;
        units += file.units;
        pending += file.pending;
        prefilled += file.prefilled;
        fuzzy += file.fuzzy;
    }
    context.out << files << " file(s) in " << outcome.folder << ": " << units << " units, " << pending << " pending"
                << (options.pseudo ? ", pseudo-translated" : "") << leveraged(prefilled, fuzzy) << "\n";
    return 0;
}

}  // namespace medloc::pipeline
