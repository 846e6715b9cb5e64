// memory.cpp - `medloc tm import|export` and `medloc analyze`: the
// project's translation memory, and what it saves on a locale's work.
#include "app/memory.h"
#include "app/analyze.h"
#include "commands.h"
#include "io/errors.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace medloc::pipeline {

int run_tm_import(const Context& context, const MemoryOptions& options) {
    const auto store = open_project(context);
    const MemoryImportOutcome outcome =
        import_memory(*store, {options.file, credentials(context), options.comment, options.limits}, context.services);
    context.out << options.file << ": " << outcome.units << " translation unit(s)";
    if (outcome.unchanged()) context.out << "; nothing new for this project, nothing changed";
    context.out << "\n";
    for (const auto& [locale, added] : outcome.added) context.out << "  " << locale << ": " << added << " added\n";
    if (outcome.known > 0) context.out << "  " << outcome.known << " already in the memory\n";
    if (outcome.without_source > 0)
        context.out << "  " << outcome.without_source << " without text in " << store->settings().source_locale
                    << " (left out)\n";
    for (const auto& [language, count] : outcome.other_languages)
        context.out << "  " << count << " in " << language
                    << ", which no target locale of this project takes (left out)\n";
    return 0;
}

int run_tm_export(const Context& context, const MemoryOptions& options) {
    const auto store = open_project(context);
    const MemoryExportOutcome outcome = export_memory(*store, {options.locale, options.out}, context.services);
    context.out << options.out << ": " << outcome.units << " approved translation(s) into " << outcome.locale << "\n";
    return 0;
}

namespace {

nlohmann::ordered_json bands_json(const BandCounts& counts) {
    nlohmann::ordered_json bands = nlohmann::ordered_json::object();
    for (const Band band : kBands) {
        const auto i = static_cast<std::size_t>(band);
        bands[to_string(band)] = {{"segments", counts.segments[i]}, {"words", counts.words[i]}};
    }
    return bands;
}

void print_json(std::ostream& out, const Analysis& analysis) {
    nlohmann::ordered_json json = {{"locale", analysis.locale}, {"documents", nlohmann::ordered_json::array()}};
    for (const DocumentAnalysis& document : analysis.documents)
        json["documents"].push_back({{"id", document.document_id},
                                     {"bands", bands_json(document.counts)},
                                     {"words", document.counts.total_words()},
                                     {"segments", document.counts.total_segments()}});
    json["total"] = {{"bands", bands_json(analysis.total)},
                     {"words", analysis.total.total_words()},
                     {"segments", analysis.total.total_segments()}};
    out << json.dump(2) << "\n";
}

// A CSV field, quoted when it must be (RFC 4180).
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void print_csv(std::ostream& out, const Analysis& analysis) {
    out << "document";
    for (const Band band : kBands) out << "," << to_string(band) << " words";
    out << ",total words\n";
    const auto row = [&out](const std::string& name, const BandCounts& counts) {
        out << csv_field(name);
        for (const std::int64_t words : counts.words) out << "," << words;
        out << "," << counts.total_words() << "\n";
    };
    for (const DocumentAnalysis& document : analysis.documents) row(document.document_id, document.counts);
    row("total", analysis.total);
}

// `text` right-aligned in `width` columns.
std::string right(const std::string& text, std::size_t width) {
    return std::string(width > text.size() ? width - text.size() : 0, ' ') + text;
}

void print_text(std::ostream& out, const Analysis& analysis) {
    out << "Work still to translate into " << analysis.locale << " (" << analysis.documents.size()
        << " document(s)), by translation memory match:\n";
    out << "  band         " << right("segments", 10) << right("words", 10) << "\n";
    for (const Band band : kBands) {
        const auto i = static_cast<std::size_t>(band);
        out << "  " << to_string(band) << std::string(13 - std::string(to_string(band)).size(), ' ')
            << right(std::to_string(analysis.total.segments[i]), 10)
            << right(std::to_string(analysis.total.words[i]), 10) << "\n";
    }
    out << "  total        " << right(std::to_string(analysis.total.total_segments()), 10)
        << right(std::to_string(analysis.total.total_words()), 10) << "\n";
}

}  // namespace

int run_analyze(const Context& context, const MemoryOptions& options) {
    const auto store = open_project(context);
    const Analysis analysis = analyze(*store, options.locale);
    if (options.json) print_json(context.out, analysis);
    else if (options.csv) print_csv(context.out, analysis);
    else print_text(context.out, analysis);
    return 0;
}

}  // namespace medloc::pipeline
