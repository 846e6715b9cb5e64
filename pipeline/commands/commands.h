// commands: one function per medloc command, called by main.cpp once the
// command line is parsed. A command parses nothing more, calls the
// application layer (app/), and prints: text for people, JSON for scripts.
// Each returns the exit code of DESIGN.md and throws what main.cpp turns
// into a message and an exit code.
#pragma once

#include "app/services.h"
#include "reviews/vocabulary.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct Context {
    std::string db_path;
    Services services;
    std::ostream& out;
    std::ostream& err;
};

struct InitOptions {
    std::string source_locale = "en-US";
    std::string targets;  // comma-separated
    int review_months = 36;
};
int run_init(const Context& context, const InitOptions& options);

int run_extract(const Context& context, const std::vector<std::string>& paths);

struct StatusOptions {
    std::string locale;
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
    std::string actor;
    std::string role;
};
int run_import(const Context& context, const ImportOptions& options);

struct ReviewOptions {
    std::string act;  // revise, approve, reject
    std::string locale;
    std::string document;
    std::string segment;
    bool all = false;
    std::string actor;
    std::string role;
    std::string comment;
};
int run_review(const Context& context, const ReviewOptions& options);

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
    std::string as_of;  // YYYY-MM-DD; today when empty
    bool json = false;  // blockers as JSON on stdout
};
int run_build(const Context& context, const BuildOptions& options);

// `audit verify`: exit 0 when the log's chain is whole and every
// translation is what its last event says.
int run_audit_verify(const Context& context, bool json);

// A role named on the command line (CLI11 has checked it is one).
reviews::Role role_option(const std::string& name);

}  // namespace medloc::pipeline
