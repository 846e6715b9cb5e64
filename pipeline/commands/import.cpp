// import.cpp - `medloc import FILE... --as NAME --role ROLE`: translations
// back from CAT tools.
#include "app/import.h"
#include "commands.h"

#include <ostream>

namespace medloc::pipeline {

int run_import(const Context& context, const ImportOptions& options) {
    const auto store = open_project(context);
    const ImportOutcome outcome =
        import_files(*store,
                     {options.files, credentials(context), role_option(options.role), options.for_id,
                      options.overwrite_newer, options.confirm_source_copies, options.limits},
                     context.services);
    for (const ImportedFile& file : outcome.files) context.out << file.path << ": " << file.summary;
    context.out << outcome.files.size() << " file(s) imported by " << outcome.actor << " as " << options.role
                << (options.for_id.empty() ? "" : " for " + options.for_id) << ": " << outcome.changes
                << " translation(s) changed\n";
    return 0;
}

}  // namespace medloc::pipeline
