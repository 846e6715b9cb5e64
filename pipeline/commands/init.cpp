// init.cpp - `medloc init`: a new, empty project.
#include "app/people.h"
#include "app/project.h"
#include "app/segmentation.h"
#include "commands.h"
#include "io/errors.h"
#include "passphrase.h"
#include "reviews/keys.h"

#include <filesystem>

#include <ostream>

namespace medloc::pipeline {
namespace {

// The key an auditor compares with every manifest and with audit verify.
void print_owner(reviews::Store& store, std::ostream& out) {
    const auto reading = store.transaction(reviews::Access::read);
    for (const reviews::Person& person : store.people())
        out << "Owner " << person.name << " (" << person.id << "), publisher; signing key fingerprint "
            << reviews::key_fingerprint(person.public_key) << " (keep it: audit verify and every manifest show it)\n";
    reading->commit();
}

}  // namespace

int run_init(const Context& context, const InitOptions& options) {
    NewPerson owner{options.owner, options.name, {reviews::Role::publisher}, {}};
    // A project made before people were registered gets its owner now.
    std::error_code error;
    if (std::filesystem::exists(context.db_path, error)) {
        const auto store = open_project(context);
        if (!store->people().empty())
            throw UsageError(context.db_path +
                             " is a project with people already; publishers add people with "
                             "medloc people add");
        owner.passphrase = read_new_passphrase(options.new_password_file, options.owner);
        register_owner(*store, owner, context.services.clock);
        context.out << "Registered " << options.name << " (" << options.owner << ") as the owner of project "
                    << store->settings().project_id << "\n";
        print_owner(*store, context.out);
        return 0;
    }
    NewProject project;
    project.source_locale = options.source_locale;
    project.review_months = options.review_months;
    for (std::size_t start = 0; start <= options.targets.size();) {
        const std::size_t comma = std::min(options.targets.find(',', start), options.targets.size());
        if (comma > start) project.target_locales.push_back(options.targets.substr(start, comma - start));
        start = comma + 1;
    }
    // A rules file that cannot serve is refused before anything is made.
    if (!options.segmentation.empty()) read_segmentation_file(options.segmentation, project.source_locale);
    owner.passphrase = read_new_passphrase(options.new_password_file, options.owner);
    check_new_person(owner);
    const auto store = create_project(context.db_path, project, context.services.clock, open_options(context));
    register_owner(*store, owner, context.services.clock);
    if (!options.segmentation.empty())
        set_segmentation(*store, {options.segmentation, {options.owner, owner.passphrase}, {}}, context.services);
    const reviews::ProjectSettings& settings = store->settings();
    context.out << "Created project " << settings.project_id << " in " << context.db_path << ": source "
                << settings.source_locale << ", targets";
    for (const std::string& tag : settings.target_locales) context.out << ' ' << tag;
    context.out << ", clinical review valid " << settings.review_months << " months\n";
    if (!options.segmentation.empty()) print_segmentation(*store, context.out);
    print_owner(*store, context.out);
    return 0;
}

}  // namespace medloc::pipeline
