// commands: one function per medloc command, called by main.cpp once the
// command line is parsed. A command parses nothing more, calls the
// application layer (app/), and prints: text for people, JSON for scripts.
// Each returns the exit code of DESIGN.md and throws what main.cpp turns
// into a message and an exit code.
#pragma once

#include "app/people.h"
#include "app/services.h"
#include "io/files.h"
#include "reviews/store.h"
#include "reviews/vocabulary.h"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct Context {
    std::string command;  // as typed: "import", "people add"
    std::string db_path;
    std::string as;             // --as ID, or MEDLOC_AS
    std::string password_file;  // --password-file, or MEDLOC_PASSWORD_FILE
    Services services;
    std::ostream& out;
    std::ostream& err;
};

// The person acting (--as) with their passphrase, read when a command
// needs it.
Credentials credentials(const Context& context);

// How this command opens the project: named for a writer that has to wait
// for it, and saying on a terminal when it has to wait itself.
reviews::OpenOptions open_options(const Context& context);
std::unique_ptr<reviews::Store> open_project(const Context& context);

struct InitOptions {
    std::string source_locale = "en-US";
    std::string targets;  // comma-separated
    int review_months = 36;
    std::string owner;  // the first publisher's id
    std::string name;   // and printed name
    std::string new_password_file;
    std::string segmentation;  // an SRX file, "" for medloc's own rules
};
int run_init(const Context& context, const InitOptions& options);

struct ExtractOptions {
    std::vector<std::string> paths;
    InputLimits limits;
};
int run_extract(const Context& context, const ExtractOptions& options);

struct StatusOptions {
    std::string locale;
    std::string document;  // one document, whole
    bool json = false;
    std::string as_of;  // YYYY-MM-DD; today when empty
};
int run_status(const Context& context, const StatusOptions& options);

struct ExportOptions {
    std::string locale;
    std::string out_dir;
    std::string format = "xliff-1.2";
    bool pending = false;
    bool pseudo = false;
};
int run_export(const Context& context, const ExportOptions& options);

struct ImportOptions {
    std::vector<std::string> files;
    std::string role;
    std::string for_id;
    bool overwrite_newer = false;
    bool confirm_source_copies = false;
    InputLimits limits{InputLimits::kXliffBytes};
};
int run_import(const Context& context, const ImportOptions& options);

struct ReviewOptions {
    std::string act;  // revise, approve, reject
    std::string locale;
    std::string document;
    std::string segment;
    bool all = false;
    std::string role;  // "" for the act's own
    std::string comment;
    std::string check;  // waive: only this QA check's errors
};
int run_review(const Context& context, const ReviewOptions& options);

struct CheckOptions {
    std::string locale;
    std::string document;
    bool json = false;
};
// `check`: exit 3 while any error is open (not waived), so that scripts
// can stop on it; 0 otherwise.
int run_check(const Context& context, const CheckOptions& options);

struct HistoryOptions {
    std::string document;
    std::string segment;
    std::string locale;
    bool json = false;
};
int run_history(const Context& context, const HistoryOptions& options);

struct BuildOptions {
    std::string locale;
    std::string out_dir;
    bool json = false;  // blockers as JSON on stdout
};
int run_build(const Context& context, const BuildOptions& options);

// `audit verify`: exit 0 when the log's chain is whole, every act is signed
// by its person, and every translation is what its last event says.
// With `bundle` (DIR/LOCALE): that published bundle checked against the
// project too (app/bundle_check.h).
int run_audit_verify(const Context& context, bool json, const std::string& bundle);

struct RetireOptions {
    std::vector<std::string> documents;
    std::string comment;
};
int run_retire(const Context& context, const RetireOptions& options);

struct GlossaryOptions {
    std::string file;
    std::string comment;
};
int run_glossary_import(const Context& context, const GlossaryOptions& options);

struct SegmentationOptions {
    std::string file;  // segmentation set
    std::string comment;
};
int run_segmentation_set(const Context& context, const SegmentationOptions& options);
int run_segmentation_reset(const Context& context, const SegmentationOptions& options);
int run_segmentation_show(const Context& context);
// Which rules the project cuts sentences by, a line.
void print_segmentation(reviews::Store& store, std::ostream& out);

struct MemoryOptions {
    std::string file;  // tm import
    std::string comment;
    std::string locale;  // tm export, analyze
    std::string out;
    bool json = false;  // analyze
    bool csv = false;
    InputLimits limits{InputLimits::kXliffBytes};
};
int run_tm_import(const Context& context, const MemoryOptions& options);
int run_tm_export(const Context& context, const MemoryOptions& options);
int run_analyze(const Context& context, const MemoryOptions& options);

struct PeopleOptions {
    std::string id;
    std::string name;
    std::string roles;  // comma-separated
    std::string new_password_file;
    bool json = false;
};
int run_people_add(const Context& context, const PeopleOptions& options);
int run_people_disable(const Context& context, const PeopleOptions& options);
int run_people_list(const Context& context, const PeopleOptions& options);
int run_passwd(const Context& context, const PeopleOptions& options);

struct ServeOptions {
    std::string bind = "127.0.0.1";
    int port = 8080;  // 0: any free port (printed)
};
// `serve`: the review workspace, until Ctrl-C (server/workspace.h).
int run_serve(const Context& context, const ServeOptions& options);

struct PacketOptions {
    std::string locale;
    std::string document;
    std::string out;  // FILE.html
    std::string pdf;  // FILE.pdf, printed by headless Chromium; "" for none
};
int run_packet(const Context& context, const PacketOptions& options);

// A role named on the command line (CLI11 has checked it is one).
reviews::Role role_option(const std::string& name);

}  // namespace medloc::pipeline
