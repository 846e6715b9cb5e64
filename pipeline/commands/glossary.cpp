// glossary.cpp - `medloc glossary import FILE.tbx`: the project's terminology.
#include "app/glossary.h"
#include "commands.h"

#include <ostream>

namespace medloc::pipeline {

int run_glossary_import(const Context& context, const GlossaryOptions& options) {
    const auto store = open_project(context);
    const GlossaryOutcome outcome =
        import_glossary(*store, {options.file, credentials(context), options.comment}, context.services);
    context.out << options.file << ": " << outcome.concepts << " concepts, " << outcome.terms << " terms"
                << (outcome.unchanged ? "; already the glossary in force, nothing changed\n"
                                      : "; now the glossary in force\n");
    for (const auto& [locale, terms] : outcome.per_locale)
        context.out << "  " << locale << ": " << terms << " terms checked"
                    << (terms == 0 ? " (the glossary has no terms for it)" : "") << "\n";
    return 0;
}

}  // namespace medloc::pipeline
