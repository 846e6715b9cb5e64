// audit.cpp - `medloc audit verify`: the log checked end to end
// (reviews/store.h, verify_log).
#include "app/bundle_check.h"
#include "commands.h"
#include "reviews/store.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace medloc::pipeline {

namespace {

int print_bundle_check(const BundleCheck& check, bool json, std::ostream& out) {
    if (json) {
        const nlohmann::ordered_json report = {{"bundle_intact", check.problems.empty()},
                                               {"locale", check.locale},
                                               {"manifest_sha256", check.manifest_sha256},
                                               {"released", check.released},
                                               {"documents_checked", check.documents_checked},
                                               {"signatures_checked", check.signatures_checked},
                                               {"problems", check.problems}};
        out << report.dump(2) << "\n";
        return check.problems.empty() ? 0 : 4;
    }
    out << "bundle " << check.locale << ": manifest sha256 " << check.manifest_sha256 << ", released "
        << (check.released.empty() ? "never" : check.released) << "\n";
    for (const std::string& problem : check.problems) out << "bundle: FAILED: " << problem << "\n";
    if (!check.problems.empty()) return 4;
    out << "bundle: " << check.documents_checked << " document(s) as their approved text rebuilds them, "
        << check.signatures_checked << " cited signature(s) in the log, nothing missing, nothing extra\n";
    return 0;
}

// The log's report, as JSON or in an auditor's words; 4 when it failed.
int print_log_check(const reviews::AuditReport& report, bool json, std::ostream& out) {
    if (json) {
        nlohmann::ordered_json json_report;
        json_report["intact"] = report.intact();
        json_report["events_checked"] = report.entries_checked;
        json_report["signatures_checked"] = report.signatures_checked;
        json_report["unsigned_events_before_people"] = report.unsigned_legacy_entries;
        json_report["owner"] = report.owner_id;
        json_report["owner_name"] = report.owner_name;
        json_report["owner_key_fingerprint"] = report.owner_fingerprint;
        json_report["problem"] =
            report.intact() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(report.problem);
        out << json_report.dump(2) << "\n";
        return report.intact() ? 0 : 4;
    }
    if (!report.owner_id.empty())
        out << "owner: " << report.owner_name << " (" << report.owner_id << "), key fingerprint "
            << report.owner_fingerprint << "\n";
    if (!report.intact()) {
        out << "audit: FAILED at " << report.problem << "\n";
        return 4;
    }
    out << "audit: " << report.entries_checked << " event(s), hash chain intact, " << report.signatures_checked
        << " signature(s) valid";
    if (report.unsigned_legacy_entries > 0)
        out << " (" << report.unsigned_legacy_entries << " unsigned event(s) from before people were registered)";
    out << ", every translation matches its last event\n";
    return 0;
}

}  // namespace

int run_audit_verify(const Context& context, bool json, const std::string& bundle) {
    const auto store = open_project(context);
    if (!bundle.empty()) {
        // The log is verified once, for the bundle, and its report printed too.
        const BundleCheck check = check_bundle(*store, bundle);
        if (!json) print_log_check(check.log, false, context.out);
        return print_bundle_check(check, json, context.out);
    }
    const auto reading = store->transaction(reviews::Access::read);
    const reviews::AuditReport report = store->verify_log();
    reading->commit();
    return print_log_check(report, json, context.out);
}

}  // namespace medloc::pipeline
