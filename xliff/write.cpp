// write.cpp - XLIFF 1.2 and 2.0 files, one segment per unit.
#include "xliff/xliff.h"

#include <algorithm>
#include <string>

namespace medloc::xliff {
namespace {

// The attribute text ` name="value"` (nothing for an empty value).
std::string attribute(const char* name, std::string_view value) {
    if (value.empty()) return {};
    return std::string(" ") + name + "=\"" + escape_xml_attribute(value) + "\"";
}

const char* datatype_1_2(std::string_view format) {
    if (format == "html") return "html";
    if (format == "markdown") return "x-markdown";
    return "plaintext";
}

// The 1.2 target state (xliff.h, UnitState).
const char* state_1_2(const Unit& unit) {
    switch (unit.state) {
    case UnitState::initial: return "new";
    case UnitState::needs_translation: return unit.previous_target ? "needs-review-translation" : "needs-translation";
    case UnitState::translated: return "translated";
    case UnitState::reviewed: return "signed-off";
    case UnitState::final: return "final";
    }
    return "new";
}

// The 2.0 segment state and subState (xliff.h, UnitState).
std::pair<const char*, const char*> state_2_0(UnitState state) {
    switch (state) {
    case UnitState::initial: return {"initial", nullptr};
    case UnitState::needs_translation: return {"initial", "medloc:needs-translation"};
    case UnitState::translated: return {"translated", nullptr};
    case UnitState::reviewed: return {"reviewed", nullptr};
    case UnitState::final: return {"final", nullptr};
    }
    return {"initial", nullptr};
}

// A pre-filled target says where it came from (XLIFF 1.2's state-qualifier).
std::string qualifier_1_2(const Unit& unit) {
    if (!unit.leveraged || unit.matches.empty()) return {};
    return unit.matches.front().kind == Match::Kind::in_context ? " state-qualifier=\"exact-match\""
                                                                : " state-qualifier=\"leveraged-tm\"";
}

void write_matches_1_2(std::string& out, const Unit& unit) {
    for (const Match& match : unit.matches)
        out += "<alt-trans" + attribute("match-quality", std::to_string(match.quality)) +
               attribute("origin", match.origin) + "><source>" + write_inline(match.source, Vocabulary::xliff_1_2) +
               "</source><target>" + write_inline(match.target, Vocabulary::xliff_1_2) + "</target></alt-trans>\n";
}

void write_unit_1_2(std::string& out, const Unit& unit) {
    out += "<trans-unit" + attribute("id", unit.id) + " xml:space=\"preserve\"";
    if (unit.state == UnitState::final) out += " approved=\"yes\"";
    out += ">\n<source>" + write_inline(unit.source, Vocabulary::xliff_1_2) + "</source>\n";
    if (unit.target)
        out += std::string("<target state=\"") + (unit.leveraged ? "translated" : state_1_2(unit)) + "\"" +
               qualifier_1_2(unit) + ">" + write_inline(*unit.target, Vocabulary::xliff_1_2) + "</target>\n";
    write_matches_1_2(out, unit);
    if (unit.previous_target) {
        out += "<alt-trans alttranstype=\"previous-version\" origin=\"medloc\">";
        if (unit.previous_source)
            out += "<source>" + write_inline(*unit.previous_source, Vocabulary::xliff_1_2) + "</source>";
        out += "<target>" + write_inline(*unit.previous_target, Vocabulary::xliff_1_2) + "</target></alt-trans>\n";
    }
    if (!unit.note.empty()) out += "<note from=\"medloc\">" + escape_xml_text(unit.note) + "</note>\n";
    for (const std::string& note : unit.qa_notes)
        out += "<note from=\"medloc-qa\">" + escape_xml_text(note) + "</note>\n";
    out += "</trans-unit>\n";
}

std::string write_1_2(const File& file) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n";
    out += "<file" + attribute("original", file.document_id) + attribute("source-language", file.source_language) +
           attribute("target-language", file.target_language) + attribute("datatype", datatype_1_2(file.format)) +
           attribute("product-name", "medloc:" + file.project_id) +
           attribute("build-num", std::to_string(file.version)) +
           attribute("product-version", std::to_string(file.log_position)) + ">\n";
    out += "<header><tool tool-id=\"medloc\" tool-name=\"medloc\"/></header>\n<body>\n";
    for (const Unit& unit : file.units) write_unit_1_2(out, unit);
    out += "</body>\n</file>\n</xliff>\n";
    return out;
}

void write_unit_2_0(std::string& out, const Unit& unit) {
    out += "<unit" + attribute("id", unit.id) + ">\n";
    // The Translation Candidates module: the translation of the earlier
    // text, and what the memory offers.
    if (unit.previous_target || !unit.matches.empty()) out += "<mtc:matches>";
    if (unit.previous_target) {
        out += "<mtc:match ref=\"#seg\" type=\"tm\" origin=\"medloc: previous version\">";
        out +=
            "<source>" + write_inline(unit.previous_source.value_or(unit.source), Vocabulary::xliff_2_0) + "</source>";
        out += "<target>" + write_inline(*unit.previous_target, Vocabulary::xliff_2_0) + "</target>";
        out += "</mtc:match>";
    }
    for (const Match& match : unit.matches)
        out += std::string("<mtc:match ref=\"#seg\" type=\"") + (match.kind == Match::Kind::in_context ? "icm" : "tm") +
               "\"" + attribute("similarity", std::to_string(std::min(match.quality, 100))) +
               attribute("origin", match.origin) + "><source>" + write_inline(match.source, Vocabulary::xliff_2_0) +
               "</source><target>" + write_inline(match.target, Vocabulary::xliff_2_0) + "</target></mtc:match>";
    if (unit.previous_target || !unit.matches.empty()) out += "</mtc:matches>\n";
    if (!unit.note.empty() || !unit.qa_notes.empty()) {
        out += "<notes>";
        if (!unit.note.empty()) out += "<note category=\"context\">" + escape_xml_text(unit.note) + "</note>";
        for (const std::string& note : unit.qa_notes)
            out += "<note category=\"medloc-qa\">" + escape_xml_text(note) + "</note>";
        out += "</notes>\n";
    }
    if (!unit.original_codes.empty()) {
        out += "<originalData>";
        for (const auto& [id, markup] : unit.original_codes)
            out += "<data" + attribute("id", id) + " xml:space=\"preserve\">" + escape_xml_text(markup) + "</data>";
        out += "</originalData>\n";
    }
    const auto [state, sub_state] = state_2_0(unit.leveraged ? UnitState::translated : unit.state);
    out += std::string("<segment id=\"seg\" state=\"") + state + "\"";
    if (sub_state) out += std::string(" subState=\"") + sub_state + "\"";
    out += ">\n<source xml:space=\"preserve\">" +
           write_inline(unit.source, Vocabulary::xliff_2_0, &unit.original_codes) + "</source>\n";
    if (unit.target)
        out += "<target xml:space=\"preserve\">" +
               write_inline(*unit.target, Vocabulary::xliff_2_0, &unit.original_codes) + "</target>\n";
    out += "</segment>\n</unit>\n";
}

std::string write_2_0(const File& file) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""
        " xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" xmlns:medloc=\"urn:medloc:xliff\""
        " version=\"2.0\"" +
        attribute("srcLang", file.source_language) + attribute("trgLang", file.target_language) + ">\n";
    out += "<file id=\"f1\"" + attribute("original", file.document_id) + attribute("medloc:project", file.project_id) +
           attribute("medloc:version", std::to_string(file.version)) +
           attribute("medloc:log", std::to_string(file.log_position)) + attribute("medloc:format", file.format) + ">\n";
    for (const Unit& unit : file.units) write_unit_2_0(out, unit);
    out += "</file>\n</xliff>\n";
    return out;
}

}  // namespace

std::optional<Version> version_named(std::string_view name) {
    if (name == "xliff-1.2") return Version::v1_2;
    if (name == "xliff-2.0") return Version::v2_0;
    return std::nullopt;
}

std::string write_xliff(const File& file, Version version) {
    return version == Version::v1_2 ? write_1_2(file) : write_2_0(file);
}

}  // namespace medloc::xliff
