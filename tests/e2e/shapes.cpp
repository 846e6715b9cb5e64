// shapes.cpp - document structure through gumbo and md4c.
#include "shapes.h"
#include "extract/html.h"
#include "support.h"

#include <md4c.h>
#include <catch2/catch.hpp>

namespace medloc::test {
namespace {

// Elements and attribute names (but <html>'s), in document order.
void html_shape(const GumboNode* node, std::vector<std::string>& shape) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    std::string entry = gumbo_normalized_tagname(node->v.element.tag);
    // The build sets lang and dir on <html>: its attributes are not structure.
    for (unsigned i = 0; node->v.element.tag != GUMBO_TAG_HTML && i < node->v.element.attributes.length; ++i)
        entry += " " + std::string(static_cast<const GumboAttribute*>(node->v.element.attributes.data[i])->name);
    shape.push_back(entry);
    for (unsigned i = 0; i < node->v.element.children.length; ++i)
        html_shape(static_cast<const GumboNode*>(node->v.element.children.data[i]), shape);
    shape.push_back("/");
}

std::vector<std::string> html_shape(const std::string& html) {
    const pipeline::ParsedHtml parsed(html);
    std::vector<std::string> shape;
    html_shape(parsed.root(), shape);
    return shape;
}

int record(const char* what, int type, void* shape) {
    static_cast<std::vector<std::string>*>(shape)->push_back(what + std::to_string(type));
    return 0;
}

// Blocks and spans as md4c sees them, in document order.
std::vector<std::string> markdown_shape(const std::string& markdown) {
    std::vector<std::string> shape;
    MD_PARSER parser{};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = [](MD_BLOCKTYPE type, void*, void* user) { return record("block ", type, user); };
    parser.leave_block = [](MD_BLOCKTYPE type, void*, void* user) { return record("/block ", type, user); };
    parser.enter_span = [](MD_SPANTYPE type, void*, void* user) { return record("span ", type, user); };
    parser.leave_span = [](MD_SPANTYPE type, void*, void* user) { return record("/span ", type, user); };
    parser.text = [](MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) { return 0; };
    REQUIRE(md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &shape) == 0);
    return shape;
}

// Plain text: blank lines where they were, each line's indent and bullet.
std::vector<std::string> text_shape(const std::string& text) {
    std::vector<std::string> shape;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        const std::size_t indent = line.find_first_not_of(' ');
        shape.push_back(indent == std::string::npos
                            ? "blank"
                            : line.substr(0, indent) + (line.compare(indent, 3, "•") == 0 ? "•" : "text"));
        start = end + 1;
    }
    return shape;
}

}  // namespace

std::vector<std::string> shape_of(const fs::path& document, const std::string& bytes) {
    if (document.extension() == ".html") return html_shape(bytes);
    if (document.extension() == ".md") return markdown_shape(bytes);
    return text_shape(bytes);
}

std::vector<std::pair<std::string, std::string>> html_root_attributes(const std::string& html) {
    const pipeline::ParsedHtml parsed(html);
    std::vector<std::pair<std::string, std::string>> attributes;
    const GumboVector& list = parsed.root()->v.element.attributes;
    for (unsigned i = 0; i < list.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(list.data[i]);
        attributes.emplace_back(attribute->name, attribute->value);
    }
    return attributes;
}

}  // namespace medloc::test
