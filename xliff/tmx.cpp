// tmx.cpp - TMX 1.4b read and written (see tmx.h).
#include "xliff/tmx.h"

#include "xml_policy.h"

#include <pugixml.hpp>

#include <map>

namespace medloc::xliff {
namespace {

// The codes of one unit by what names them in the file ("i3" for a pair,
// "x7" for a placeholder, "#2" for the second one without either), so that
// the source and its targets number the same code alike.
class CodeIds {
public:
    int of(const std::string& key) {
        const auto [found, added] = ids_.emplace(key, static_cast<int>(ids_.size()) + 1);
        return found->second;
    }

private:
    std::map<std::string, int> ids_;
};

class SegReader {
public:
    explicit SegReader(CodeIds& ids) : ids_(ids) {}

    Content read(pugi::xml_node seg) {
        unnamed_ = 0;
        Content content;
        read_into(seg, content);
        return content;
    }

private:
    // "x" or "i" attribute of a code, or its place among the unnamed ones.
    std::string key(pugi::xml_node code, const char* attribute, const char* prefix) {
        const std::string_view value = code.attribute(attribute).value();
        if (!value.empty()) return prefix + std::string(value);
        return "#" + std::to_string(++unnamed_);
    }

    void code(Content& content, Run::Kind kind, int id, pugi::xml_node node) {
        content.runs.push_back(Run{kind, {}, id, node.attribute("type").value()});
    }

    void read_into(pugi::xml_node parent, Content& content) {
        for (pugi::xml_node node : parent.children()) {
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                content.append_text(node.value());
                continue;
            }
            if (node.type() != pugi::node_element) continue;
            const std::string_view name = node.name();
            if (name == "bpt") code(content, Run::Kind::open, ids_.of(key(node, "i", "i")), node);
            else if (name == "ept") code(content, Run::Kind::close, ids_.of(key(node, "i", "i")), node);
            else if (name == "ph" || name == "ut")
                code(content, Run::Kind::placeholder, ids_.of(key(node, "x", "x")), node);
            else if (name == "it")
                code(content,
                     std::string_view(node.attribute("pos").value()) == "end" ? Run::Kind::close : Run::Kind::open,
                     ids_.of(key(node, "x", "x")), node);
            else if (name == "hi") read_into(node, content);
            else
                throw ReadError(offset_of(node), "unknown element <" + std::string(name) + "> in a TMX segment",
                                "save the memory as TMX 1.4b in the tool that made it");
        }
    }

    CodeIds& ids_;
    int unnamed_ = 0;
};

std::string language_of(pugi::xml_node tuv) {
    const char* lang = tuv.attribute("xml:lang").value();
    return *lang ? lang : tuv.attribute("lang").value();  // TMX 1.1 wrote lang
}

// An attribute of the unit, or of its variants when the unit leaves it out.
std::string unit_attribute(pugi::xml_node tu, const char* name) {
    if (const pugi::xml_attribute a = tu.attribute(name)) return a.value();
    for (pugi::xml_node tuv : tu.children("tuv"))
        if (const pugi::xml_attribute a = tuv.attribute(name)) return a.value();
    return {};
}

TmxUnit read_unit(pugi::xml_node tu) {
    TmxUnit unit;
    unit.offset = offset_of(tu);
    unit.tuid = tu.attribute("tuid").value();
    unit.creation_id = unit_attribute(tu, "creationid");
    unit.creation_date = unit_attribute(tu, "creationdate");
    unit.change_id = unit_attribute(tu, "changeid");
    unit.change_date = unit_attribute(tu, "changedate");
    for (pugi::xml_node prop : tu.children("prop"))
        unit.props.emplace_back(prop.attribute("type").value(), prop.text().get());
    CodeIds ids;
    for (pugi::xml_node tuv : tu.children("tuv")) {
        const std::string language = language_of(tuv);
        if (language.empty())
            throw ReadError(offset_of(tuv), "a <tuv> names no language (xml:lang)",
                            "save the memory as TMX 1.4b in the tool that made it");
        const pugi::xml_node seg = tuv.child("seg");
        if (!seg) throw ReadError(offset_of(tuv), "a <tuv> has no <seg>", "save the memory again");
        unit.variants.push_back({language, SegReader(ids).read(seg)});
    }
    return unit;
}

std::string attribute(const char* name, std::string_view value) {
    return value.empty() ? std::string() : std::string(" ") + name + "=\"" + escape_xml_attribute(value) + "\"";
}

bool has_code(const Content& content, Run::Kind kind, int id) {
    for (const Run& run : content.runs)
        if (run.kind == kind && run.id == id) return true;
    return false;
}

// A content in TMX's inline vocabulary: pairs as bpt/ept, a half pair as
// it, placeholders as ph; no native code is known, so none is written.
std::string seg_of(const Content& content) {
    std::string out;
    for (const Run& run : content.runs) {
        const std::string id = std::to_string(run.id);
        switch (run.kind) {
        case Run::Kind::text: out += escape_xml_text(run.text); break;
        case Run::Kind::open:
            out += has_code(content, Run::Kind::close, run.id)
                       ? "<bpt i=\"" + id + "\"" + attribute("type", run.type) + "></bpt>"
                       : "<it pos=\"begin\" x=\"" + id + "\"" + attribute("type", run.type) + "></it>";
            break;
        case Run::Kind::close:
            out += has_code(content, Run::Kind::open, run.id) ? "<ept i=\"" + id + "\"></ept>"
                                                              : "<it pos=\"end\" x=\"" + id + "\"></it>";
            break;
        case Run::Kind::placeholder: out += "<ph x=\"" + id + "\"" + attribute("type", run.type) + "></ph>"; break;
        }
    }
    return out;
}

}  // namespace

Tmx read_tmx(std::string_view bytes, std::size_t max_depth) {
    pugi::xml_document document;
    load_checked_xml(document, bytes, max_depth, Doctype::external_only,
                     "repair the memory in the tool that wrote it, or export it again");
    const pugi::xml_node root = document.document_element();
    if (std::string_view(root.name()) != "tmx")
        throw ReadError(offset_of(root), "not a TMX file (its root element is <" + std::string(root.name()) + ">)",
                        "import a translation memory exported as TMX");
    Tmx tmx;
    tmx.source_language = root.child("header").attribute("srclang").value();
    for (pugi::xml_node tu : root.child("body").children("tu")) tmx.units.push_back(read_unit(tu));
    return tmx;
}

std::string tmx_header(std::string_view source_language, std::string_view tool_version) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"medloc\"" +
           attribute("creationtoolversion", tool_version) + " segtype=\"sentence\" o-tmf=\"medloc\" adminlang=\"en\"" +
           attribute("srclang", source_language) + " datatype=\"xml\"/>\n<body>\n";
}

std::string tmx_unit(const TmxUnit& unit) {
    std::string out = "<tu" + attribute("tuid", unit.tuid) + attribute("creationid", unit.creation_id) +
                      attribute("creationdate", unit.creation_date) + attribute("changeid", unit.change_id) +
                      attribute("changedate", unit.change_date) + ">\n";
    for (const auto& [type, value] : unit.props)
        out += "  <prop type=\"" + escape_xml_attribute(type) + "\">" + escape_xml_text(value) + "</prop>\n";
    for (const TmxVariant& variant : unit.variants)
        out += "  <tuv xml:lang=\"" + escape_xml_attribute(variant.language) + "\"><seg>" + seg_of(variant.content) +
               "</seg></tuv>\n";
    return out + "</tu>\n";
}

std::string tmx_footer() { return "</body>\n</tmx>\n"; }

}  // namespace medloc::xliff
