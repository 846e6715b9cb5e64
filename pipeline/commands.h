// commands: one function per medloc command, called by main.cpp once the
// command line is parsed. Each returns the exit code of DESIGN.md and throws
// UsageError, InputError, reviews::NotAProject or reviews::DatabaseError,
// which main.cpp turns into a message and an exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace medloc::pipeline {

struct InitOptions {
    std::string source_locale = "en-US";
    std::vector<std::string> target_locales;
    int review_months = 36;
};
int run_init(const std::string& db_path, const InitOptions& options, std::ostream& out);

int run_extract(const std::string& db_path, const std::vector<std::string>& paths, std::ostream& out);

struct StatusOptions {
    std::string locale;
    bool json = false;
    std::string as_of;  // YYYY-MM-DD; today when empty
};
int run_status(const std::string& db_path, const StatusOptions& options, std::ostream& out);

struct ExportOptions {
    std::string locale;
    std::string out_dir;
    std::string format = "xliff-1.2";
    bool pending = false;
    bool pseudo = false;
};
int run_export(const std::string& db_path, const ExportOptions& options, std::ostream& out);

struct ImportOptions {
    std::vector<std::string> files;
    std::string actor;
    std::string role;
};
int run_import(const std::string& db_path, const ImportOptions& options, std::ostream& out);

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
int run_review(const std::string& db_path, const ReviewOptions& options, std::ostream& out);

struct HistoryOptions {
    std::string document;
    std::string segment;
    std::string locale;
    bool json = false;
};
int run_history(const std::string& db_path, const HistoryOptions& options, std::ostream& out);

struct BuildOptions {
    std::string locale;
    std::string out_dir;
    std::string as_of;  // YYYY-MM-DD; today when empty
    bool json = false;  // blockers as JSON on stdout
};
int run_build(const std::string& db_path, const BuildOptions& options, std::ostream& out);

// `audit verify`: exit 0 when the event log's hash chain is whole.
int run_audit_verify(const std::string& db_path, bool json, std::ostream& out);

}  // namespace medloc::pipeline
