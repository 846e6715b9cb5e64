// main.cpp - the medloc command line (DESIGN.md, "Command line"). Parses the
// arguments with CLI11, runs one command, and turns every failure into one
// message on stderr and the exit code DESIGN.md gives it:
//   0 success, 1 usage, 2 bad input (nothing changed), 3 refused by a gate,
//   4 internal or database error.
#include "pipeline/commands.h"
#include "pipeline/errors.h"
#include "reviews/store.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

namespace {

std::string default_database() {
    const char* from_environment = std::getenv("MEDLOC_DB");
    return from_environment && *from_environment ? from_environment : "medloc.db";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace medloc::pipeline;
    CLI::App app{"medloc: translation and clinical review of patient-education content"};
    app.require_subcommand(1);
    std::string db = default_database();
    app.add_option("--db", db, "Project database (default: $MEDLOC_DB or ./medloc.db)");

    InitOptions init;
    std::string targets;
    CLI::App* init_command = app.add_subcommand("init", "Create a project database");
    init_command->add_option("--source", init.source_locale, "Source locale (BCP 47)")->capture_default_str();
    init_command->add_option("--targets", targets, "Target locales, comma-separated (es-US,ar,ja)")->required();
    init_command->add_option("--review-months", init.review_months, "How long a clinical review stays valid")
        ->capture_default_str();

    std::vector<std::string> paths;
    CLI::App* extract_command = app.add_subcommand("extract", "Extract documents (files or folders) into segments");
    extract_command->add_option("paths", paths, "Files or folders; a document's id is its path in the folder")
        ->required();

    StatusOptions status;
    CLI::App* status_command = app.add_subcommand("status", "Show segment, word and state counts");
    status_command->add_option("--locale", status.locale, "Only this target locale");
    status_command->add_flag("--json", status.json, "Print JSON");
    status_command->add_option("--as-of", status.as_of, "Evaluate review dates at this date (YYYY-MM-DD)");

    ExportOptions export_options;
    CLI::App* export_command = app.add_subcommand("export", "Write XLIFF for CAT tools, one file per document");
    export_command->add_option("--locale", export_options.locale, "Target locale")->required();
    export_command->add_option("--out", export_options.out_dir, "Folder to write LOCALE/DOCUMENT.xlf into")->required();
    export_command->add_option("--format", export_options.format, "xliff-1.2 (default) or xliff-2.0")
        ->check(CLI::IsMember({"xliff-1.2", "xliff-2.0"}))
        ->capture_default_str();
    export_command->add_flag("--pending", export_options.pending, "Only segments that still need translation");
    export_command->add_flag("--pseudo", export_options.pseudo, "Write pseudo-translated targets");

    ImportOptions import_options;
    CLI::App* import_command = app.add_subcommand("import", "Read translated XLIFF back from CAT tools");
    import_command->add_option("files", import_options.files, "XLIFF files (1.2 or 2.x)")->required();
    import_command->add_option("--as", import_options.actor, "Name of the person whose work this is")->required();
    import_command->add_option("--role", import_options.role, "translator, reviser or clinical")
        ->required()
        ->check(CLI::IsMember({"translator", "reviser", "clinical"}));

    ReviewOptions review;
    CLI::App* review_command = app.add_subcommand("review", "Revise, approve or reject translations");
    review_command->add_option("act", review.act, "revise, approve or reject")
        ->required()
        ->check(CLI::IsMember({"revise", "approve", "reject"}));
    review_command->add_option("--locale", review.locale, "Target locale")->required();
    review_command->add_option("--doc", review.document, "Every segment of this document");
    review_command->add_option("--segment", review.segment, "This segment");
    review_command->add_flag("--all", review.all, "Every document");
    review_command->add_option("--as", review.actor, "Reviewer's name")->required();
    review_command->add_option("--role", review.role, "reviser or clinical")
        ->required()
        ->check(CLI::IsMember({"translator", "reviser", "clinical", "publisher"}));
    review_command->add_option("--comment", review.comment, "Why (required to reject)");

    HistoryOptions history;
    CLI::App* history_command = app.add_subcommand("history", "Show the life of a segment or document");
    history_command->add_option("--doc", history.document, "A document");
    history_command->add_option("--segment", history.segment, "A segment");
    history_command->add_option("--locale", history.locale, "Only this target locale");
    history_command->add_flag("--json", history.json, "Print JSON");

    BuildOptions build;
    CLI::App* build_command = app.add_subcommand("build", "Build the localized bundle of a locale, if all is approved");
    build_command->add_option("--locale", build.locale, "Target locale")->required();
    build_command->add_option("--out", build.out_dir, "Folder to write LOCALE/ into")->required();
    build_command->add_option("--as-of", build.as_of, "Check review dates at this date (YYYY-MM-DD)");
    build_command->add_flag("--json", build.json, "Print blockers as JSON");

    CLI::App* audit_command = app.add_subcommand("audit", "Check the event log");
    audit_command->require_subcommand(1);
    CLI::App* verify_command = audit_command->add_subcommand("verify", "Check every event against the hash chain");
    bool audit_json = false;
    verify_command->add_flag("--json", audit_json, "Print JSON");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 1;
    }

    try {
        if (*init_command) {
            for (std::size_t start = 0; start <= targets.size();) {
                const std::size_t comma = std::min(targets.find(',', start), targets.size());
                if (comma > start) init.target_locales.push_back(targets.substr(start, comma - start));
                start = comma + 1;
            }
            return run_init(db, init, std::cout);
        }
        if (*extract_command) return run_extract(db, paths, std::cout);
        if (*status_command) return run_status(db, status, std::cout);
        if (*export_command) return run_export(db, export_options, std::cout);
        if (*import_command) return run_import(db, import_options, std::cout);
        if (*review_command) return run_review(db, review, std::cout);
        if (*history_command) return run_history(db, history, std::cout);
        if (*verify_command) return run_audit_verify(db, audit_json, std::cout);
        if (*build_command) return run_build(db, build, std::cout);
    } catch (const UsageError& e) {
        std::cerr << "medloc: " << e.what() << "\n";
        return 1;
    } catch (const Refused& e) {
        std::cerr << "medloc: refused: " << e.what() << "Nothing was changed.\n";
        return 3;
    } catch (const InputError& e) {
        std::cerr << "medloc: " << e.what() << "\nNothing was changed.\n";
        return 2;
    } catch (const medloc::reviews::NotAProject& e) {
        std::cerr << "medloc: " << e.what() << "\nNothing was changed.\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "medloc: internal error: " << e.what() << "\n";
        return 4;
    }
    return 1;
}
