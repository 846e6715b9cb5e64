// entities.cpp - one character reference, decoded by gumbo.
#include "entities.h"

#include "extract/html.h"

namespace medloc::pipeline {
namespace {

const GumboNode* first_text(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT) return node;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
    const GumboVector& children =
        node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
    for (unsigned i = 0; i < children.length; ++i)
        if (const GumboNode* text = first_text(static_cast<const GumboNode*>(children.data[i]))) return text;
    return nullptr;
}

}  // namespace

std::optional<std::string> decode_character_reference(std::string_view reference) {
    if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') return std::nullopt;
    // "x" before and after the reference keep gumbo from trimming or merging it.
    const std::string html = "<p>x" + std::string(reference) + "x</p>";
    const ParsedHtml parsed(html);
    const GumboNode* text = first_text(parsed.root());
    if (!text) return std::nullopt;
    std::string_view decoded = text->v.text.text;
    if (decoded.size() < 3 || decoded.front() != 'x' || decoded.back() != 'x') return std::nullopt;
    decoded = decoded.substr(1, decoded.size() - 2);
    if (decoded == reference) return std::nullopt;  // not a reference gumbo knows
    return std::string(decoded);
}

}  // namespace medloc::pipeline
