// retire.cpp - `medloc retire DOC...`: documents out of publication.
#include "app/retire.h"
#include "commands.h"

#include <ostream>

namespace medloc::pipeline {

int run_retire(const Context& context, const RetireOptions& options) {
    const auto store = open_project(context);
    retire_documents(*store, {options.documents, credentials(context), options.comment}, context.services);
    for (const std::string& id : options.documents)
        context.out << id << ": retired; in no later bundle, its history kept\n";
    return 0;
}

}  // namespace medloc::pipeline
