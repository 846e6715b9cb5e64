// main.cpp - the medloc command line (DESIGN.md, "Command line"). Parses the
// arguments with CLI11, runs one command, and turns every failure into one
// message on stderr and the exit code DESIGN.md gives it:
//   0 success, 1 usage, 2 bad input (nothing changed), 3 refused by a gate,
//   4 internal or database error.
#include "commands.h"
#include "io/errors.h"
#include "passphrase.h"
#include "reviews/store.h"
#include "seams/seams.h"

#include <CLI/CLI.hpp>

#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <cstdlib>
#include <functional>
#include <iostream>

namespace {

using namespace medloc::pipeline;

std::string from_environment(const char* name, const char* otherwise = "") {
    const char* value = std::getenv(name);
    return value && *value ? value : otherwise;
}

// The roles each command takes, for --help.
constexpr const char* kRoles = "Roles: translator, reviser, clinical, publisher.";

// Each command is registered with its options and what runs it.
using Run = std::function<int(const Context&)>;

struct Options {
    InitOptions init;
    ExtractOptions extract;
    StatusOptions status;
    ExportOptions export_;
    ImportOptions import;
    ReviewOptions review;
    HistoryOptions history;
    CheckOptions check;
    BuildOptions build;
    bool audit_json = false;
    std::string audit_bundle;
    PeopleOptions people;
    RetireOptions retire;
    GlossaryOptions glossary;
    SegmentationOptions segmentation;
    MemoryOptions memory;
    ServeOptions serve;
    PacketOptions packet;
};

// --max-size and --max-depth (io/files.h, InputLimits; README "Limits").
void add_limits(CLI::App* command, InputLimits& limits, const std::string& what) {
    command
        ->add_option_function<std::uintmax_t>(
            "--max-size", [&limits](std::uintmax_t mib) { limits.max_bytes = mib << 20; },
            "Largest " + what + " read, in MiB (default " + std::to_string(limits.max_bytes >> 20) + ")")
        ->check(CLI::Range(1, 4096));
    command->add_option("--max-depth", limits.max_depth, "Deepest nesting of elements read (default 256)")
        ->check(CLI::Range(std::size_t{1}, InputLimits::kDeepest));
}

void add_init(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand(
        "init",
        "Create a project and register its owner, its first publisher (on a project made before people "
        "were registered: register its owner)");
    command->add_option("--source", o.init.source_locale, "Source locale (BCP 47)")->capture_default_str();
    command->add_option("--targets", o.init.targets, "Target locales, comma-separated (es-US,ar,ja)");
    command->add_option("--review-months", o.init.review_months, "How long a clinical review stays valid")
        ->capture_default_str();
    command->add_option("--owner", o.init.owner, "The owner's id (a-z, 0-9, . _ -); they get the publisher role")
        ->required();
    command->add_option("--name", o.init.name, "The owner's full printed name")->required();
    command->add_option("--new-password-file", o.init.new_password_file,
                        "File whose first line is the owner's passphrase (else asked on the terminal)");
    command->add_option("--segmentation", o.init.segmentation,
                        "An SRX 2.0 (or 1.0) file of segmentation rules, which decide where they match (default: "
                        "medloc's own rules for the source language)");
    runs.emplace_back(command, [&o](const Context& c) { return run_init(c, o.init); });
}

void add_extract(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command =
        app.add_subcommand("extract", "Extract documents (files or folders) into segments. Role: publisher.");
    command->add_option("paths", o.extract.paths, "Files or folders; a document's id is its path in the folder")
        ->required();
    add_limits(command, o.extract.limits, "document");
    runs.emplace_back(command, [&o](const Context& c) { return run_extract(c, o.extract); });
}

void add_status(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand(
        "status",
        "Where the project stands: per locale, totals and whether it is ready to build, and the documents "
        "that need attention");
    command->add_option("--locale", o.status.locale, "Only this target locale");
    command->add_option("--doc", o.status.document, "One document, whole (every state, QA error and review)");
    command->add_flag("--json", o.status.json, "Print JSON");
    command->add_option("--as-of", o.status.as_of, "Evaluate review dates at this date (YYYY-MM-DD)");
    runs.emplace_back(command, [&o](const Context& c) { return run_status(c, o.status); });
}

void add_export(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand("export", "Write XLIFF for CAT tools, one file per document");
    command->add_option("--locale", o.export_.locale, "Target locale")->required();
    command->add_option("--out", o.export_.out_dir, "Folder to write LOCALE/DOCUMENT.xlf into")->required();
    command->add_option("--format", o.export_.format, "xliff-1.2 (default) or xliff-2.0")
        ->check(CLI::IsMember({"xliff-1.2", "xliff-2.0"}))
        ->capture_default_str();
    command->add_flag("--pending", o.export_.pending, "Only segments that still need translation");
    command->add_flag("--pseudo", o.export_.pseudo, "Write pseudo-translated targets");
    runs.emplace_back(command, [&o](const Context& c) { return run_export(c, o.export_); });
}

void add_import(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand(
        "import", "Read translated XLIFF back from CAT tools. Role: translator, reviser or clinical (--role).");
    command->add_option("files", o.import.files, "XLIFF files (1.2 or 2.x)")->required();
    command
        ->add_option("--role", o.import.role,
                     "translator (new text), reviser (signed-off units revise) or clinical (final units approve)")
        ->required()
        ->check(CLI::IsMember({"translator", "reviser", "clinical"}));
    command->add_option("--for", o.import.for_id, "The registered person whose work it is, if not yours");
    command->add_flag("--confirm-source-copies", o.import.confirm_source_copies,
                      "A target equal to its source that the file marks translated or final is the translation "
                      "(reference titles, drug names); otherwise it stays the untranslated copy");
    command->add_flag("--overwrite-newer", o.import.overwrite_newer,
                      "Replace targets changed in the project after the file was exported (else refused)");
    add_limits(command, o.import.limits, "XLIFF file");
    runs.emplace_back(command, [&o](const Context& c) { return run_import(c, o.import); });
}

void add_review(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand(
        "review",
        "Revise (role reviser), approve (role clinical) or reject (reviser or clinical) translations, waive "
        "their QA errors (clinical, not an author), or confirm that a segment's translation is its source text "
        "(keep-source, translator or reviser, one --segment at a time)");
    command->add_option("act", o.review.act, "revise, approve, reject, waive or keep-source")
        ->required()
        ->check(CLI::IsMember({"revise", "approve", "reject", "waive", "keep-source"}));
    command->add_option("--locale", o.review.locale, "Target locale")->required();
    command->add_option("--doc", o.review.document, "Every segment of this document");
    command->add_option("--segment", o.review.segment, "This segment");
    command->add_flag("--all", o.review.all, "Every document");
    command->add_option("--role", o.review.role, "translator, reviser or clinical (default: the role the act takes)")
        ->check(CLI::IsMember({"translator", "reviser", "clinical", "publisher"}));
    command->add_option("--comment", o.review.comment, "Why (required to reject or waive)");
    command->add_option("--check", o.review.check, "waive: only the errors of this check (numbers, units, ...)");
    runs.emplace_back(command, [&o](const Context& c) { return run_review(c, o.review); });
}

void add_check(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand(
        "check", "Run the clinical checks (numbers, doses, units, negation, ...) on a locale's targets");
    command->add_option("--locale", o.check.locale, "Target locale")->required();
    command->add_option("--doc", o.check.document, "Only this document");
    command->add_flag("--json", o.check.json, "Print JSON");
    runs.emplace_back(command, [&o](const Context& c) { return run_check(c, o.check); });
}

void add_history(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand("history", "Show the life of a segment or document");
    command->add_option("--doc", o.history.document, "A document");
    command->add_option("--segment", o.history.segment, "A segment");
    command->add_option("--locale", o.history.locale, "Only this target locale");
    command->add_flag("--json", o.history.json, "Print JSON");
    runs.emplace_back(command, [&o](const Context& c) { return run_history(c, o.history); });
}

void add_build(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand(
        "build", "Build and release the localized bundle of a locale, if all is approved. Role: publisher.");
    command->add_option("--locale", o.build.locale, "Target locale")->required();
    command->add_option("--out", o.build.out_dir, "Folder to write LOCALE/ into")->required();
    command->add_flag("--json", o.build.json, "Print blockers as JSON");
    runs.emplace_back(command, [&o](const Context& c) { return run_build(c, o.build); });
}

void add_audit(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* audit = app.add_subcommand("audit", "Check the event log");
    audit->require_subcommand(1);
    CLI::App* verify = audit->add_subcommand("verify", "Check every event against the hash chain");
    verify->add_flag("--json", o.audit_json, "Print JSON");
    verify->add_option("--bundle", o.audit_bundle,
                       "Also check this published bundle (DIR/LOCALE) against the project: released, unchanged, "
                       "every signature it cites in the log");
    runs.emplace_back(verify, [&o](const Context& c) { return run_audit_verify(c, o.audit_json, o.audit_bundle); });
}

void add_retire(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command =
        app.add_subcommand("retire", "Take documents out of every later bundle; their history stays. Role: publisher.");
    command->add_option("documents", o.retire.documents, "Document ids")->required();
    command->add_option("--comment", o.retire.comment, "Why");
    runs.emplace_back(command, [&o](const Context& c) { return run_retire(c, o.retire); });
}

void add_memory(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* memory = app.add_subcommand("tm", "The project's translation memory, which export leverages");
    memory->require_subcommand(1);
    CLI::App* import = memory->add_subcommand(
        "import",
        "Add the units of a TMX file (1.4b) to the project's memory, kept with the file's name. Role: "
        "publisher.");
    import->add_option("file", o.memory.file, "The TMX file")->required();
    import->add_option("--comment", o.memory.comment, "What it is (default: how many units it added)");
    add_limits(import, o.memory.limits, "TMX file");
    runs.emplace_back(import, [&o](const Context& c) { return run_tm_import(c, o.memory); });
    CLI::App* out = memory->add_subcommand(
        "export", "Write the project's approved translations into a locale as TMX 1.4b, for other tools");
    out->add_option("--locale", o.memory.locale, "Target locale")->required();
    out->add_option("--out", o.memory.out, "The TMX file to write")->required();
    runs.emplace_back(out, [&o](const Context& c) { return run_tm_export(c, o.memory); });

    CLI::App* analyze =
        app.add_subcommand("analyze",
                           "Words still to translate into a locale, per document and in total, by translation memory "
                           "match band (in-context, 100%, repetitions, 95-99, 85-94, 75-84, 50-74, new)");
    analyze->add_option("--locale", o.memory.locale, "Target locale")->required();
    CLI::Option* json = analyze->add_flag("--json", o.memory.json, "As JSON");
    analyze->add_flag("--csv", o.memory.csv, "As CSV, one row per document and a total row")->excludes(json);
    runs.emplace_back(analyze, [&o](const Context& c) { return run_analyze(c, o.memory); });
}

void add_segmentation(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* segmentation = app.add_subcommand("segmentation",
                                                "The rules the project cuts sentences by (SRX), which the next extract "
                                                "applies to every document");
    segmentation->require_subcommand(1);
    CLI::App* set = segmentation->add_subcommand(
        "set", "Make an SRX 2.0 (or 1.0) file the project's segmentation rules. Role: publisher.");
    set->add_option("file", o.segmentation.file, "The SRX file")->required();
    set->add_option("--comment", o.segmentation.comment, "Why (default: how many rules apply)");
    runs.emplace_back(set, [&o](const Context& c) { return run_segmentation_set(c, o.segmentation); });
    CLI::App* reset =
        segmentation->add_subcommand("reset", "Cut sentences by medloc's own rules again. Role: publisher.");
    reset->add_option("--comment", o.segmentation.comment, "Why");
    runs.emplace_back(reset, [&o](const Context& c) { return run_segmentation_reset(c, o.segmentation); });
    CLI::App* show = segmentation->add_subcommand("show", "Which rules the project cuts sentences by");
    runs.emplace_back(show, [](const Context& c) { return run_segmentation_show(c); });
}

void add_glossary(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* glossary = app.add_subcommand("glossary", "The project's terminology, which the clinical checks use");
    glossary->require_subcommand(1);
    CLI::App* import = glossary->add_subcommand(
        "import", "Make a TBX file (v2 or v3) the project's glossary, replacing the one before. Role: publisher.");
    import->add_option("file", o.glossary.file, "The TBX file")->required();
    import->add_option("--comment", o.glossary.comment, "What it is (default: how many concepts and terms)");
    runs.emplace_back(import, [&o](const Context& c) { return run_glossary_import(c, o.glossary); });
}

void add_people(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* people = app.add_subcommand("people", "The people of the project");
    people->require_subcommand(1);
    CLI::App* add = people->add_subcommand("add", "Register a person. Role: publisher.");
    add->add_option("id", o.people.id, "Their id (a-z, 0-9, . _ -)")->required();
    add->add_option("--name", o.people.name, "Their full printed name")->required();
    add->add_option("--roles", o.people.roles, "Comma-separated: translator, reviser, clinical, publisher")->required();
    add->add_option("--new-password-file", o.people.new_password_file,
                    "File whose first line is their first passphrase (else asked on the terminal)");
    runs.emplace_back(add, [&o](const Context& c) { return run_people_add(c, o.people); });
    CLI::App* disable = people->add_subcommand("disable", "Disable a person; their history stays. Role: publisher.");
    disable->add_option("id", o.people.id, "Their id")->required();
    runs.emplace_back(disable, [&o](const Context& c) { return run_people_disable(c, o.people); });
    CLI::App* list = people->add_subcommand("list", "List the people and their roles");
    list->add_flag("--json", o.people.json, "Print JSON");
    runs.emplace_back(list, [&o](const Context& c) { return run_people_list(c, o.people); });
    CLI::App* passwd = app.add_subcommand("passwd", "Change your own passphrase. Any role.");
    passwd->add_option("--new-password-file", o.people.new_password_file,
                       "File whose first line is the new passphrase (else asked twice on the terminal)");
    runs.emplace_back(passwd, [&o](const Context& c) { return run_passwd(c, o.people); });
}

void add_serve(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command = app.add_subcommand(
        "serve",
        "The review workspace in a browser: the dashboard, each document's review page, signing with "
        "the passphrase asked again. Until Ctrl-C.");
    command->add_option("--port", o.serve.port, "Port to listen on (0: any free port)")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    command->add_option("--bind", o.serve.bind, "Address to listen on (keep the loopback unless behind a proxy)")
        ->capture_default_str();
    runs.emplace_back(command, [&o](const Context& c) { return run_serve(c, o.serve); });
}

void add_packet(CLI::App& app, Options& o, std::vector<std::pair<CLI::App*, Run>>& runs) {
    CLI::App* command =
        app.add_subcommand("packet",
                           "Write the printable review packet of a document: source and target side by side with QA "
                           "findings, the history summed up, and a signature block");
    command->add_option("--locale", o.packet.locale, "Target locale")->required();
    command->add_option("--doc", o.packet.document, "The document")->required();
    command->add_option("--out", o.packet.out, "The HTML file to write")->required();
    command->add_option("--pdf", o.packet.pdf, "Also print it to this PDF file (with Debian's chromium)");
    runs.emplace_back(command, [&o](const Context& c) { return run_packet(c, o.packet); });
}

// Runs the command, turning each kind of failure into its exit code.
int run_reporting_failures(const Run& run, const Context& context) {
    try {
        return run(context);
    } catch (const UsageError& e) {
        std::cerr << "medloc: " << e.what() << "\n";
        return 1;
    } catch (const SignInRefused& e) {
        std::cerr << "medloc: refused: " << e.what() << ". Nothing else was changed.\n";
        return 3;
    } catch (const medloc::reviews::ClockWentBack& e) {
        std::cerr << "medloc: " << e.what() << "\nNothing was changed.\n";
        return 4;
    } catch (const Refused& e) {
        std::cerr << "medloc: refused: " << e.what() << "Nothing was changed.\n";
        return 3;
    } catch (const InputError& e) {
        std::cerr << "medloc: " << e.what() << "\nNothing was changed.\n";
        return 2;
    } catch (const medloc::reviews::NotAProject& e) {
        std::cerr << "medloc: " << e.what() << "\nNothing was changed.\n";
        return 2;
    } catch (const EnvironmentError& e) {
        std::cerr << "medloc: " << e.what() << "\nNothing was changed.\n";
        return 4;
    } catch (const medloc::reviews::DatabaseError& e) {
        // The environment, not medloc: the message names the file and the cause.
        std::cerr << "medloc: " << e.what() << "\nNothing was changed.\n";
        return 4;
    } catch (const std::exception& e) {
        std::cerr << "medloc: internal error: " << e.what() << "\n";
        return 4;
    }
}

}  // namespace

namespace medloc::pipeline {

Credentials credentials(const Context& context) {
    if (context.as.empty())
        throw UsageError("this command is done by a registered person: name yourself with --as ID (or MEDLOC_AS)");
    return {context.as, read_passphrase(context.password_file, "Passphrase for " + context.as + ": ")};
}

reviews::OpenOptions open_options(const Context& context) {
    reviews::OpenOptions options = context.services.database;
    options.purpose = "medloc " + context.command + (context.as.empty() ? "" : " by " + context.as);
    std::ostream& err = context.err;
    const std::string& db = context.db_path;
    if (isatty(STDERR_FILENO))
        options.on_wait = [&err, db](const std::string& holder) {
            err << "medloc: waiting for " << db << ": " << holder << " is changing it (up to a minute)...\n";
        };
    return options;
}

std::unique_ptr<reviews::Store> open_project(const Context& context) {
    return reviews::open_project(context.db_path, open_options(context));
}

// CLI11 has checked that the name is one of the roles the option takes.
reviews::Role role_option(const std::string& name) {
    return reviews::parse_role(name).value_or(reviews::Role::translator);
}

}  // namespace medloc::pipeline

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // SQLite takes and frees memory for each statement's journal; without
    // slack glibc hands the top of the heap back and asks for it again every
    // time, a system call or two per log entry (a third of approve's time).
    mallopt(M_TOP_PAD, 16 << 20);
#endif
    CLI::App app{std::string("medloc: translation and clinical review of patient-education content. ") + kRoles +
                 " Every command that changes a project is done by a registered person (--as) with their "
                 "passphrase."};
    app.require_subcommand(1);
    app.fallthrough();  // global options after the subcommand too
    app.set_version_flag("--version", std::string("medloc ") + MEDLOC_VERSION);
    std::string db = from_environment("MEDLOC_DB", "medloc.db");
    std::string as = from_environment("MEDLOC_AS");
    std::string password_file = from_environment("MEDLOC_PASSWORD_FILE");
    app.add_option("--db", db, "Project database (default: $MEDLOC_DB or ./medloc.db)");
    app.add_option("--as", as, "The registered person acting, by id (default: $MEDLOC_AS)");
    app.add_option("--password-file", password_file,
                   "File whose first line is your passphrase (default: $MEDLOC_PASSWORD_FILE; else asked on the "
                   "terminal)");

    Options options;
    std::vector<std::pair<CLI::App*, Run>> runs;
    for (const auto add :
         {add_init, add_extract, add_status, add_export, add_import, add_check, add_review, add_history, add_build,
          add_audit, add_people, add_retire, add_glossary, add_segmentation, add_memory, add_serve, add_packet})
        add(app, options, runs);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 1;
    }
    for (const auto& [command, run] : runs) {
        if (!*command) continue;
        const std::string parent = command->get_parent() == &app ? "" : command->get_parent()->get_name() + " ";
        const Context context{parent + command->get_name(), db, as, password_file, seams(), std::cout, std::cerr};
        return run_reporting_failures(run, context);
    }
    return 1;
}
