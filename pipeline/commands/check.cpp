// check.cpp - `medloc check`: every finding of the clinical checks on a
// locale's targets, as text for people or JSON for scripts.
#include "app/checks.h"
#include "commands.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace medloc::pipeline {
namespace {

using nlohmann::ordered_json;

// Characters (code points) before `bytes` of UTF-8 text: offsets a script
// in any language can use.
std::size_t characters(std::string_view text, std::size_t bytes) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i)
        count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return count;
}

ordered_json span_json(std::string_view text, const qa::Span& span, const std::string& piece) {
    if (span.empty()) return nullptr;
    return {{"text", piece}, {"start", characters(text, span.begin)}, {"end", characters(text, span.end)}};
}

ordered_json finding_json(const CheckedSegment& checked, const SegmentFinding& found) {
    const qa::Finding& finding = found.finding;
    ordered_json json = {{"document", checked.segment.document_id},
                         {"segment", checked.segment.id},
                         {"state", reviews::to_string(checked.state)},
                         {"check", qa::to_string(finding.check)},
                         {"severity", qa::to_string(finding.severity)},
                         {"message", finding.message},
                         {"source", checked.segment.plain},
                         {"target", checked.target},
                         {"source_span", span_json(checked.segment.plain, finding.source, finding.source_text)},
                         {"target_span", span_json(checked.target, finding.target, finding.target_text)},
                         {"waived", nullptr}};
    if (found.waiver)
        json["waived"] = {{"by", found.waiver->actor}, {"at", found.waiver->at}, {"reason", found.waiver->comment}};
    return json;
}

void print_json(const CheckOutcome& outcome, std::ostream& out) {
    ordered_json json = {{"locale", outcome.locale},         {"documents", outcome.documents},
                         {"targets", outcome.targets},       {"errors", outcome.errors},
                         {"waived", outcome.waived},         {"warnings", outcome.warnings},
                         {"findings", ordered_json::array()}};
    for (const CheckedSegment& checked : outcome.segments)
        for (const SegmentFinding& found : checked.findings) json["findings"].push_back(finding_json(checked, found));
    out << json.dump(2) << '\n';
}

void print_text(const CheckOutcome& outcome, std::ostream& out) {
    out << "Checked " << outcome.targets << " target(s) in " << outcome.locale << " (" << outcome.documents
        << " document(s)): " << outcome.errors << " error(s), " << outcome.warnings << " warning(s), " << outcome.waived
        << " waived error(s)\n";
    for (const CheckedSegment& checked : outcome.segments) {
        out << "\n"
            << checked.segment.document_id << "  " << checked.segment.id << "  (" << reviews::to_string(checked.state)
            << ")\n";
        out << "  source: " << checked.segment.plain << "\n  target: " << checked.target << "\n";
        for (const SegmentFinding& found : checked.findings) {
            const char* severity = found.waiver ? "waived" : qa::to_string(found.finding.severity);
            out << "  " << severity << " [" << qa::to_string(found.finding.check) << "] " << found.finding.message;
            if (found.waiver)
                out << " (waived by " << found.waiver->actor << " on " << found.waiver->at.substr(0, 10) << ": "
                    << found.waiver->comment << ")";
            out << "\n";
        }
    }
    if (outcome.errors > 0)
        out << "\nErrors block revision, approval and build. Correct the targets (export, translate, import), or "
               "have a clinician who did not write a target waive its error: medloc review waive --locale "
            << outcome.locale << " --segment ID --comment REASON --as CLINICIAN\n";
}

}  // namespace

int run_check(const Context& context, const CheckOptions& options) {
    const auto store = open_project(context);
    const CheckOutcome outcome = check_locale(*store, {options.locale, options.document});
    if (options.json) print_json(outcome, context.out);
    else print_text(outcome, context.out);
    return outcome.errors > 0 ? 3 : 0;
}

}  // namespace medloc::pipeline
