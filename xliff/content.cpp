// content.cpp - runs of text and inline codes, and their canonical markup.
#include "xliff/content.h"

#include <pugixml.hpp>

#include <string>

namespace medloc::xliff {
namespace {

// Character data needs &, < and > escaped; an attribute value in double
// quotes also needs " and the white space that parsers would normalize.
std::string escape_xml(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += attribute ? "&quot;" : "\""; break;
        case '\n': out += attribute ? "&#10;" : "\n"; break;
        case '\t': out += attribute ? "&#9;" : "\t"; break;
        case '\r': out += attribute ? "&#13;" : "\r"; break;
        default: out += c;
        }
    }
    return out;
}

bool has_close(const std::vector<Run>& runs, std::size_t open_at) {
    for (std::size_t i = open_at + 1; i < runs.size(); ++i)
        if (runs[i].kind == Run::Kind::close && runs[i].id == runs[open_at].id) return true;
    return false;
}

bool has_open(const std::vector<Run>& runs, std::size_t close_at) {
    for (std::size_t i = 0; i < close_at; ++i)
        if (runs[i].kind == Run::Kind::open && runs[i].id == runs[close_at].id) return true;
    return false;
}

void append_code_attributes(std::string& out, const Run& run) {
    out += " id=\"" + std::to_string(run.id) + "\"";
    if (!run.type.empty()) out += " ctype=\"" + escape_xml_attribute(run.type) + "\"";
    if (!run.text.empty()) out += " equiv-text=\"" + escape_xml_attribute(run.text) + "\"";
}

void read_runs(pugi::xml_node parent, Content& content) {
    for (pugi::xml_node node : parent.children()) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            content.append_text(node.value());
            continue;
        }
        if (node.type() != pugi::node_element) continue;
        const std::string_view name = node.name();
        Run code;
        code.id = node.attribute("id").as_int();
        code.type = node.attribute("ctype").value();
        code.text = node.attribute("equiv-text").value();
        if (code.id <= 0) throw MarkupError("inline code <" + std::string(name) + "> without an id");
        if (name == "g") {
            code.kind = Run::Kind::open;
            content.runs.push_back(code);
            read_runs(node, content);
            code.kind = Run::Kind::close;
            content.runs.push_back(code);
        } else if (name == "x" || name == "bx" || name == "ex") {
            code.kind = name == "x" ? Run::Kind::placeholder
                                    : (name == "bx" ? Run::Kind::open : Run::Kind::close);
            content.runs.push_back(code);
        } else {
            throw MarkupError("unknown inline element <" + std::string(name) + ">");
        }
    }
}

}  // namespace

std::string Content::plain_text() const {
    std::string plain;
    for (const Run& run : runs)
        if (run.kind == Run::Kind::text) plain += run.text;
    return plain;
}

void Content::append_text(std::string_view text) {
    if (text.empty()) return;
    if (!runs.empty() && runs.back().kind == Run::Kind::text)
        runs.back().text += text;
    else
        runs.push_back(Run{Run::Kind::text, std::string(text), 0, {}});
}

std::string Content::to_markup() const {
    std::string out;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& run = runs[i];
        switch (run.kind) {
        case Run::Kind::text:
            out += escape_xml_text(run.text);
            break;
        case Run::Kind::open:
            out += has_close(runs, i) ? "<g" : "<bx";
            append_code_attributes(out, run);
            out += has_close(runs, i) ? ">" : "/>";
            break;
        case Run::Kind::close:
            if (has_open(runs, i)) {
                out += "</g>";
            } else {
                out += "<ex";
                append_code_attributes(out, run);
                out += "/>";
            }
            break;
        case Run::Kind::placeholder:
            out += "<x";
            append_code_attributes(out, run);
            out += "/>";
            break;
        }
    }
    return out;
}

Content content_from_markup(std::string_view markup) {
    pugi::xml_document document;
    const std::string wrapped = "<c>" + std::string(markup) + "</c>";
    const pugi::xml_parse_result parsed =
        document.load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                             pugi::encoding_utf8);
    if (!parsed) throw MarkupError(std::string("not inline markup: ") + parsed.description());
    Content content;
    read_runs(document.first_child(), content);
    return content;
}

std::string escape_xml_text(std::string_view text) { return escape_xml(text, false); }

std::string escape_xml_attribute(std::string_view text) { return escape_xml(text, true); }

}  // namespace medloc::xliff
