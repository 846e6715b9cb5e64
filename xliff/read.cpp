// read.cpp - XLIFF 1.2 and 2.x as CAT tools return them.
//
// Elements are matched by namespace and local name, so a tool that writes
// the XLIFF namespace with a prefix is read like one that does not, and a
// tool's own <o:target> is never taken for the target; elements and
// attributes of other namespaces are passed over, except inside source and
// target text, where anything unknown is refused rather than dropped. The
// bytes pass xml_policy.h first; an element XLIFF allows once (source,
// target, a document's <file>) is refused when it comes twice.
#include "xliff/xliff.h"

#include "xml_policy.h"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>

namespace medloc::xliff {
namespace {

constexpr const char* kMedlocNamespace = "urn:medloc:xliff";

std::string_view local_name(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

// The namespace a prefix ("" for the default namespace) stands for where
// `node` is.
std::string_view namespace_of(pugi::xml_node node, std::string_view prefix) {
    const std::string declaration = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
    for (; node; node = node.parent())
        if (const pugi::xml_attribute a = node.attribute(declaration.c_str())) return a.value();
    return {};
}

// The namespace an element's name is in ("" for none).
std::string_view element_namespace(pugi::xml_node node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return namespace_of(node, colon == std::string_view::npos ? std::string_view() : name.substr(0, colon));
}

// XLIFF's namespace (either version), or none at all in a file written
// without one.
bool in_xliff_namespace(pugi::xml_node node) {
    const std::string_view uri = element_namespace(node);
    if (uri.empty()) return std::string_view(node.name()).find(':') == std::string_view::npos;
    return uri.starts_with("urn:oasis:names:tc:xliff:document:");
}

bool is(pugi::xml_node node, std::string_view name) {
    return node.type() == pugi::node_element && local_name(node.name()) == name && in_xliff_namespace(node);
}

std::string element_name(pugi::xml_node node) { return "<" + std::string(node.name()) + ">"; }

// An attribute of the namespace `uri`, whatever prefix the file uses.
std::string attribute_in(pugi::xml_node node, std::string_view uri, std::string_view name) {
    for (const pugi::xml_attribute a : node.attributes()) {
        const std::string_view qualified = a.name();
        const std::size_t colon = qualified.find(':');
        if (colon == std::string_view::npos || qualified.substr(colon + 1) != name) continue;
        if (namespace_of(node, qualified.substr(0, colon)) == uri) return a.value();
    }
    return {};
}

std::string medloc_attribute(pugi::xml_node node, std::string_view name) {
    return attribute_in(node, kMedlocNamespace, name);
}

// A number medloc wrote into the file (0 when it is not there); `what` it is.
std::int64_t medloc_number(pugi::xml_node node, std::string_view text, const char* what) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty()) return 0;
    if (error != std::errc() || end != text.data() + text.size() || value <= 0)
        throw ReadError(offset_of(node), std::string(what) + " \"" + std::string(text) + "\" is not a number",
                        "export the document again");
    return value;
}

int code_id(pugi::xml_node node, const char* attribute_name) {
    const std::string_view text = node.attribute(attribute_name).value();
    int id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0)
        throw ReadError(offset_of(node),
                        "inline code " + element_name(node) + " has " +
                            (text.empty() ? "no " + std::string(attribute_name)
                                          : std::string(attribute_name) + " \"" + std::string(text) + "\"") +
                            ", not one of the codes medloc exported",
                        "keep the inline codes of the source as they are");
    return id;
}

void append_code(Content& content, Run::Kind kind, int id) { content.runs.push_back(Run{kind, {}, id, {}}); }

void append_code_point(Content& content, pugi::xml_node node) {
    const std::string_view hex = node.attribute("hex").value();
    unsigned value = 0;
    const auto [end, error] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
    if (hex.empty() || error != std::errc() || end != hex.data() + hex.size() || value > 0x10FFFF)
        throw ReadError(offset_of(node), "<cp> has no valid hex code point", "correct or remove the <cp> element");
    // A target can only hold what XML itself can carry: U+0000 would cut the
    // text, a lone surrogate is no character, a control character cannot be
    // printed.
    if (!is_xml_char(value))
        throw ReadError(offset_of(node),
                        "<cp hex=\"" + std::string(hex) +
                            "\"/> stands for a character medloc cannot keep in a "
                            "translation (a control character, U+0000 or a lone "
                            "surrogate)",
                        "remove the <cp> element from the target");
    std::string utf8;
    if (value < 0x80) {
        utf8 += static_cast<char>(value);
    } else if (value < 0x800) {
        utf8 += static_cast<char>(0xC0 | (value >> 6));
        utf8 += static_cast<char>(0x80 | (value & 0x3F));
    } else if (value < 0x10000) {
        utf8 += static_cast<char>(0xE0 | (value >> 12));
        utf8 += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (value & 0x3F));
    } else {
        utf8 += static_cast<char>(0xF0 | (value >> 18));
        utf8 += static_cast<char>(0x80 | ((value >> 12) & 0x3F));
        utf8 += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (value & 0x3F));
    }
    content.append_text(utf8);
}

// The text of one <source> or <target> as it is read: the opening codes of
// XLIFF 1.2 by their rid, which pairs a closing code to its opening one when
// a tool numbers each code apart (memoQ: <bpt id="1" rid="1"> ...
// <ept id="2" rid="1">).
struct InlineText {
    Version version;
    Content content;
    std::map<std::string, int, std::less<>> open_by_rid;
};

void read_inline(pugi::xml_node parent, InlineText& text);

// A pair of codes around the text inside `node` (1.2 <g>, 2.0 <pc>).
void read_paired(pugi::xml_node node, InlineText& text) {
    const int id = code_id(node, "id");
    append_code(text.content, Run::Kind::open, id);
    read_inline(node, text);
    append_code(text.content, Run::Kind::close, id);
}

// A 1.2 opening code (<bpt>, <bx>): its id, remembered by its rid if it has one.
int opening_id(pugi::xml_node node, InlineText& text) {
    const int id = code_id(node, "id");
    if (const pugi::xml_attribute rid = node.attribute("rid")) text.open_by_rid[rid.value()] = id;
    return id;
}

// A 1.2 closing code (<ept>, <ex>): the id of the opening code its rid
// names, or its own id when it has no rid.
int closing_id(pugi::xml_node node, const InlineText& text) {
    const pugi::xml_attribute rid = node.attribute("rid");
    if (!rid) return code_id(node, "id");
    const auto opening = text.open_by_rid.find(std::string_view(rid.value()));
    if (opening == text.open_by_rid.end())
        throw ReadError(offset_of(node),
                        element_name(node) + " closes rid \"" + rid.value() + "\", which no code before it opens",
                        "keep the inline codes of the source as they are, each pair in order");
    return opening->second;
}

// An XLIFF 1.2 inline element; false when `name` is not one.
bool read_code_1_2(pugi::xml_node node, std::string_view name, InlineText& text) {
    Content& content = text.content;
    if (name == "g") read_paired(node, text);
    else if (name == "x" || name == "ph") append_code(content, Run::Kind::placeholder, code_id(node, "id"));
    else if (name == "bx" || name == "bpt") append_code(content, Run::Kind::open, opening_id(node, text));
    else if (name == "ex" || name == "ept") append_code(content, Run::Kind::close, closing_id(node, text));
    else if (name == "it")
        append_code(content,
                    std::string_view(node.attribute("pos").value()) == "close" ? Run::Kind::close : Run::Kind::open,
                    code_id(node, "id"));
    else return false;
    return true;
}

// An XLIFF 2.x inline element; false when `name` is not one.
bool read_code_2_0(pugi::xml_node node, std::string_view name, InlineText& text) {
    Content& content = text.content;
    if (name == "pc") read_paired(node, text);
    else if (name == "ph") append_code(content, Run::Kind::placeholder, code_id(node, "id"));
    else if (name == "sc") append_code(content, Run::Kind::open, code_id(node, "id"));
    else if (name == "ec")
        append_code(content, Run::Kind::close, code_id(node, node.attribute("startRef") ? "startRef" : "id"));
    else if (name == "cp") append_code_point(content, node);
    else if (name != "sm" && name != "em") return false;  // annotation markers carry no text
    return true;
}

// Attribute values as XLIFF and XML compare them: ASCII case aside.
std::string ascii_lower(std::string_view text) {
    std::string lower;
    for (const char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower;
}

// A tracked change left in the text (Trados's mtype="x-sdl-deleted" and
// "x-sdl-added", and the like of other tools) is refused: read through, the
// deleted text would be stored beside the new ("10 mL 5 mL").
void refuse_tracked_change(pugi::xml_node mrk) {
    std::string type = mrk.attribute("mtype").value();
    if (type.empty()) type = mrk.attribute("type").value();
    const std::string lower = ascii_lower(type);
    for (const char* word : {"delet", "insert", "added", "revision", "track"})
        if (lower.find(word) != std::string::npos)
            throw ReadError(offset_of(mrk),
                            "a tracked change (<mrk " + std::string(mrk.attribute("mtype") ? "mtype" : "type") + "=\"" +
                                type + "\">) is not resolved: its text would be stored as part of the translation",
                            "accept or reject every tracked change in the tool that made it, then save the file again");
}

// The text and codes inside a <source> or <target>, in either version's
// vocabulary; <mrk> (segmentation, annotations) is read through.
void read_inline(pugi::xml_node parent, InlineText& text) {
    for (pugi::xml_node node : parent.children()) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            text.content.append_text(node.value());
            continue;
        }
        if (node.type() != pugi::node_element) continue;
        const std::string_view name = local_name(node.name());
        if (!in_xliff_namespace(node))
            throw ReadError(offset_of(node), "unknown inline element " + element_name(node) + " in the text",
                            "keep only the inline codes medloc exported");
        if (name == "mrk") {
            refuse_tracked_change(node);
            read_inline(node, text);
            continue;
        }
        const bool known =
            text.version == Version::v1_2 ? read_code_1_2(node, name, text) : read_code_2_0(node, name, text);
        if (!known)
            throw ReadError(offset_of(node), "unknown inline element " + element_name(node) + " in the text",
                            "keep only the inline codes medloc exported");
    }
}

// Text runs meeting at the seam merge, as if the pieces had never been cut.
void append_content(Content& content, const Content& piece) {
    for (const Run& run : piece.runs) {
        if (run.is_code()) content.runs.push_back(run);
        else content.append_text(run.text);
    }
}

// The one XLIFF child `name` of `parent` (null when there is none); a
// second is refused, since either could be the one the translator meant.
pugi::xml_node only_child(pugi::xml_node parent, std::string_view name) {
    pugi::xml_node found;
    for (pugi::xml_node child : parent.children()) {
        if (!is(child, name)) continue;
        if (found)
            throw ReadError(offset_of(child),
                            element_name(parent) + " has a second <" + std::string(name) +
                                ">; medloc cannot tell which one is meant",
                            "keep one <" + std::string(name) + "> per unit, as exported");
        found = child;
    }
    return found;
}

Content read_text(pugi::xml_node node, Version version) {
    InlineText text{version, {}, {}};
    if (node) read_inline(node, text);
    return std::move(text.content);
}

// Nothing but white space: a target left empty.
bool is_blank(const Content& content) {
    for (const Run& run : content.runs)
        if (run.is_code() || run.text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
    return true;
}

void set_target(ReadUnit& unit, Content target) {
    unit.has_target = !is_blank(target);
    if (unit.has_target) unit.target = std::move(target);
}

// The state table of xliff.h read backwards; nothing for states it does not name.
std::optional<UnitState> state_from_1_2(pugi::xml_node trans_unit, pugi::xml_node target) {
    if (std::string_view(trans_unit.attribute("approved").value()) == "yes") return UnitState::final;
    const std::string_view state = target.attribute("state").value();
    if (state == "final") return UnitState::final;
    if (state == "signed-off") return UnitState::reviewed;
    if (state == "translated") return UnitState::translated;
    if (state == "new") return UnitState::initial;
    if (state.starts_with("needs-")) return UnitState::needs_translation;
    return std::nullopt;
}

std::optional<UnitState> state_from_2_0(pugi::xml_node segment) {
    const std::string_view state = segment.attribute("state").value();
    if (state == "final") return UnitState::final;
    if (state == "reviewed") return UnitState::reviewed;
    if (state == "translated") return UnitState::translated;
    if (state == "initial" || state.empty())
        return std::string_view(segment.attribute("subState").value()) == "medloc:needs-translation"
                   ? UnitState::needs_translation
                   : UnitState::initial;
    return std::nullopt;
}

// What a CAT tool's own mark says of a 1.2 unit whose XLIFF state says
// nothing: translated at most, since a tool's confirmation is a hint about
// the translator's work, never a reviewer's sign-off. Trados (.sdlxliff)
// <sdl:seg conf="Translated|ApprovedTranslation|ApprovedSignOff">, memoQ
// (.mqxliff) mq:status="ManuallyConfirmed|Reviewer1Confirmed|...",
// Phrase (.mxliff) m:confirmed="1".
std::optional<UnitState> tool_confirmation(pugi::xml_node trans_unit) {
    constexpr std::string_view kTrados = "http://sdl.com/FileTypes/SdlXliff/1.0";
    constexpr std::string_view kMemoq = "MQXliff";
    constexpr std::string_view kPhrase = "http://www.memsource.com/mxlf/2017/6";
    const std::string memoq = attribute_in(trans_unit, kMemoq, "status");
    const std::string phrase = attribute_in(trans_unit, kPhrase, "confirmed");
    bool confirmed = (memoq.find("Confirmed") != std::string::npos) || phrase == "1" || phrase == "true";
    for (pugi::xml_node defs : trans_unit.children()) {
        if (local_name(defs.name()) != "seg-defs") continue;
        bool all = true, any = false;
        for (pugi::xml_node seg : defs.children()) {
            if (local_name(seg.name()) != "seg" || element_namespace(seg) != kTrados) continue;
            const std::string_view conf = seg.attribute("conf").value();
            any = true;
            all = all && (conf == "Translated" || conf == "ApprovedTranslation" || conf == "ApprovedSignOff");
        }
        confirmed = confirmed || (any && all);
    }
    return confirmed ? std::optional(UnitState::translated) : std::nullopt;
}

// The least advanced of two claims; a claim XLIFF does not define counts as
// no claim.
std::optional<UnitState> least_advanced(std::optional<UnitState> a, std::optional<UnitState> b) {
    if (!a) return b;
    if (!b) return a;
    return std::min(*a, *b);
}

std::string required_id(pugi::xml_node unit) {
    const std::string id = unit.attribute("id").value();
    if (id.empty()) throw ReadError(offset_of(unit), element_name(unit) + " has no id", "keep the ids medloc exported");
    return id;
}

ReadUnit read_trans_unit(pugi::xml_node node) {
    ReadUnit unit;
    unit.id = required_id(node);
    unit.offset = offset_of(node);
    const pugi::xml_node source = only_child(node, "source");
    if (!source) throw ReadError(unit.offset, "<trans-unit id=\"" + unit.id + "\"> has no <source>", "export again");
    unit.source = read_text(source, Version::v1_2);
    const pugi::xml_node target = only_child(node, "target");
    set_target(unit, read_text(target, Version::v1_2));
    unit.state = state_from_1_2(node, target);
    if (!unit.state) unit.state = tool_confirmation(node);
    return unit;
}

// A 2.x unit: its segments and ignorables in order make the one segment
// medloc exported, should a tool have split it.
ReadUnit read_unit_2_0(pugi::xml_node node) {
    ReadUnit unit;
    unit.id = required_id(node);
    unit.offset = offset_of(node);
    Content target;
    bool first = true;
    for (pugi::xml_node part : node.children()) {
        if (!is(part, "segment") && !is(part, "ignorable")) continue;
        const pugi::xml_node source = only_child(part, "source");
        const Content piece = read_text(source, Version::v2_0);
        append_content(unit.source, piece);
        const pugi::xml_node target_node = only_child(part, "target");
        // An ignorable without a target is the same white space in both.
        append_content(target, is(part, "ignorable") && !target_node ? piece : read_text(target_node, Version::v2_0));
        if (is(part, "segment")) {
            unit.state = first ? state_from_2_0(part) : least_advanced(unit.state, state_from_2_0(part));
            first = false;
        }
    }
    if (first) throw ReadError(unit.offset, "<unit id=\"" + unit.id + "\"> has no <segment>", "export again");
    set_target(unit, std::move(target));
    return unit;
}

void read_units(pugi::xml_node parent, Version version, std::vector<ReadUnit>& units) {
    for (pugi::xml_node node : parent.children()) {
        if (is(node, "group") || is(node, "body")) {
            read_units(node, version, units);
        } else if (version == Version::v1_2 && is(node, "trans-unit")) {
            if (std::string_view(node.attribute("translate").value()) != "no") units.push_back(read_trans_unit(node));
        } else if (version == Version::v2_0 && is(node, "unit")) {
            if (std::string_view(node.attribute("translate").value()) != "no") units.push_back(read_unit_2_0(node));
        }
    }
}

ReadFile read_file_1_2(pugi::xml_node node) {
    ReadFile file;
    file.offset = offset_of(node);
    file.document_id = node.attribute("original").value();
    file.target_language = node.attribute("target-language").value();
    const std::string_view product = node.attribute("product-name").value();
    if (product.starts_with("medloc:")) file.project_id = product.substr(7);
    file.version = medloc_number(node, node.attribute("build-num").value(), "the document version");
    file.log_position = medloc_number(node, node.attribute("product-version").value(), "the export's place in the log");
    read_units(node, Version::v1_2, file.units);
    return file;
}

ReadFile read_file_2_0(pugi::xml_node node, std::string_view target_language) {
    ReadFile file;
    file.offset = offset_of(node);
    file.document_id = node.attribute("original").value();
    file.target_language = target_language;
    file.project_id = medloc_attribute(node, "project");
    file.version = medloc_number(node, medloc_attribute(node, "version"), "the document version");
    file.log_position = medloc_number(node, medloc_attribute(node, "log"), "the export's place in the log");
    read_units(node, Version::v2_0, file.units);
    return file;
}

}  // namespace

std::string declared_encoding(std::string_view bytes) {
    // Byte order marks, longest first (XML 1.0, appendix F).
    if (bytes.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32LE";
    if (bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32BE";
    if (bytes.starts_with("\xEF\xBB\xBF")) return {};
    if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
    if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
    // Without a mark, "<?" in UTF-16.
    if (bytes.starts_with(std::string_view("<\x00?\x00", 4))) return "UTF-16LE";
    if (bytes.starts_with(std::string_view("\x00<\x00?", 4))) return "UTF-16BE";
    if (!bytes.starts_with("<?xml")) return {};
    const std::string_view declaration = bytes.substr(0, bytes.find("?>"));
    const std::size_t name = declaration.find("encoding");
    if (name == std::string_view::npos) return {};
    std::size_t at = declaration.find_first_not_of(" \t\r\n", name + 8);
    if (at == std::string_view::npos || declaration[at] != '=') return {};
    at = declaration.find_first_not_of(" \t\r\n", at + 1);
    if (at == std::string_view::npos || (declaration[at] != '"' && declaration[at] != '\'')) return {};
    const std::size_t end = declaration.find(declaration[at], at + 1);
    if (end == std::string_view::npos) return {};
    std::string encoding(declaration.substr(at + 1, end - at - 1));
    const std::string lower = ascii_lower(encoding);
    if (lower == "utf-8" || lower == "utf8") return {};
    return encoding;
}

ReadXliff read_xliff(std::string_view bytes, std::size_t max_depth) {
    pugi::xml_document document;
    load_checked_xml(document, bytes, max_depth, Doctype::refused,
                     "repair the file in the tool that wrote it, or export again");
    const pugi::xml_node root = document.document_element();
    if (!is(root, "xliff"))
        throw ReadError(offset_of(root), "not an XLIFF file (its root element is " + element_name(root) + ")",
                        "import the .xlf files that medloc export wrote");
    const std::string_view version = root.attribute("version").value();
    ReadXliff read;
    if (version == "1.2") read.version = Version::v1_2;
    else if (version == "2.0" || version == "2.1") read.version = Version::v2_0;
    else
        throw ReadError(offset_of(root),
                        version.empty() ? std::string("the <xliff> element has no version")
                                        : "XLIFF version \"" + std::string(version) + "\" is not one medloc reads",
                        "save the file as XLIFF 1.2 or 2.0 (medloc reads 1.2, 2.0 and 2.1)");
    for (pugi::xml_node node : root.children()) {
        if (!is(node, "file")) continue;
        read.files.push_back(read.version == Version::v1_2 ? read_file_1_2(node)
                                                           : read_file_2_0(node, root.attribute("trgLang").value()));
    }
    if (read.files.empty())
        throw ReadError(offset_of(root), "the XLIFF file has no <file> element", "import the files medloc exported");
    for (std::size_t i = 1; i < read.files.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (read.files[i].document_id == read.files[j].document_id)
                throw ReadError(read.files[i].offset,
                                "a second <file> for document \"" + read.files[i].document_id +
                                    "\"; medloc cannot tell which one is meant",
                                "keep one <file> per document, as exported");
    return read;
}

}  // namespace medloc::xliff
