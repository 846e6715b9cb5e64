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

// XLIFF 1.2's strict schema takes ctype from a short list or as "x-...".
std::string ctype_1_2(const Run& code) {
    const std::string& type = code.type;
    if (type.empty()) return {};
    if (code.kind == Run::Kind::placeholder) {
        if (type == "img") return "image";
        if (type == "br") return "lb";
    } else {
        if (type == "strong" || type == "b") return "bold";
        if (type == "em" || type == "i") return "italic";
        if (type == "u") return "underlined";
        if (type == "a") return "link";
    }
    return "x-" + type;
}

// XLIFF 2.0's type and subType, for the codes that have a standard one.
std::pair<std::string, std::string> type_2_0(const Run& code) {
    const std::string& type = code.type;
    if (type == "strong" || type == "b") return {"fmt", "xlf:b"};
    if (type == "em" || type == "i") return {"fmt", "xlf:i"};
    if (type == "u") return {"fmt", "xlf:u"};
    if (type == "br") return {"fmt", "xlf:lb"};
    if (type == "a" || type == "url" || type == "email") return {"link", {}};
    if (type == "img") return {"image", {}};
    return {};
}

void append_attribute(std::string& out, const char* name, std::string_view value) {
    if (value.empty()) return;
    out += ' ';
    out += name;
    out += "=\"";
    out += escape_xml_attribute(value);
    out += '"';
}

// One code in the stored form or XLIFF 1.2: `element` is g, x, bx or ex.
void write_code_1_2(std::string& out, const char* element, const Run& code, Vocabulary vocabulary) {
    out += '<';
    out += element;
    append_attribute(out, "id", std::to_string(code.id));
    const bool closing = element == std::string_view("ex");
    if (vocabulary == Vocabulary::stored) append_attribute(out, "ctype", code.type);
    else if (!closing) append_attribute(out, "ctype", ctype_1_2(code));
    append_attribute(out, "equiv-text", code.text);
    out += element == std::string_view("g") ? ">" : "/>";
}

// One code in XLIFF 2.0: `element` is pc, ph, sc or ec.
void write_code_2_0(std::string& out, const char* element, const Run& code,
                    const std::map<std::string, std::string>* original) {
    const std::string_view name = element;
    out += '<';
    out += element;
    append_attribute(out, "id", std::to_string(code.id));
    if (name == "sc" || name == "ec") append_attribute(out, "isolated", "yes");
    if (name != "ec") {
        const auto [type, sub_type] = type_2_0(code);
        append_attribute(out, "type", type);
        append_attribute(out, "subType", sub_type);
    }
    const bool has_data = original && original->contains(data_id(code));
    if (name == "pc") {
        Run close = code;
        close.kind = Run::Kind::close;
        if (has_data) append_attribute(out, "dataRefStart", data_id(code));
        if (original && original->contains(data_id(close))) append_attribute(out, "dataRefEnd", data_id(close));
        append_attribute(out, "dispStart", code.text);
        out += '>';
        return;
    }
    if (has_data) append_attribute(out, "dataRef", data_id(code));
    append_attribute(out, "disp", code.text);
    out += "/>";
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
            code.kind = name == "x" ? Run::Kind::placeholder : (name == "bx" ? Run::Kind::open : Run::Kind::close);
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
    if (!runs.empty() && runs.back().kind == Run::Kind::text) runs.back().text += text;
    else runs.push_back(Run{Run::Kind::text, std::string(text), 0, {}});
}

std::string Content::to_markup() const { return write_inline(*this, Vocabulary::stored); }

std::string data_id(const Run& code) {
    const char* prefix = code.kind == Run::Kind::open ? "s" : (code.kind == Run::Kind::close ? "e" : "p");
    return prefix + std::to_string(code.id);
}

std::string write_inline(const Content& content, Vocabulary vocabulary,
                         const std::map<std::string, std::string>* original) {
    const bool v2 = vocabulary == Vocabulary::xliff_2_0;
    const auto& runs = content.runs;
    std::string out;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& run = runs[i];
        switch (run.kind) {
        case Run::Kind::text: out += escape_xml_text(run.text); break;
        case Run::Kind::open:
            if (v2) write_code_2_0(out, has_close(runs, i) ? "pc" : "sc", run, original);
            else write_code_1_2(out, has_close(runs, i) ? "g" : "bx", run, vocabulary);
            break;
        case Run::Kind::close:
            if (has_open(runs, i)) out += v2 ? "</pc>" : "</g>";
            else if (v2) write_code_2_0(out, "ec", run, original);
            else write_code_1_2(out, "ex", run, vocabulary);
            break;
        case Run::Kind::placeholder:
            if (v2) write_code_2_0(out, "ph", run, original);
            else write_code_1_2(out, "x", run, vocabulary);
            break;
        }
    }
    return out;
}

Content content_from_markup(std::string_view markup) {
    pugi::xml_document document;
    const std::string wrapped = "<c>" + std::string(markup) + "</c>";
    const pugi::xml_parse_result parsed = document.load_buffer(
        wrapped.data(), wrapped.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!parsed) throw MarkupError(std::string("not inline markup: ") + parsed.description());
    Content content;
    read_runs(document.first_child(), content);
    return content;
}

std::string escape_xml_text(std::string_view text) { return escape_xml(text, false); }

std::string escape_xml_attribute(std::string_view text) { return escape_xml(text, true); }

}  // namespace medloc::xliff
