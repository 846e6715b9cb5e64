// html_language.cpp - lang and dir on the <html> start tag, found with gumbo
// and edited in place so that the rest of the document is untouched.
#include "bundle/html_language.h"

#include "locales/locales.h"

#include "extract/html.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace medloc::pipeline {
namespace {

struct Edit {
    std::size_t at = 0;
    std::size_t length = 0;  // bytes replaced
    std::string text;
};

// The edit that gives attribute `name` the value `value` in the start tag.
Edit set_attribute(std::string_view html, const GumboVector& attributes, std::size_t tag_name_end, const char* name,
                   const std::string& value) {
    if (const GumboAttribute* existing = gumbo_get_attribute(&attributes, name);
        existing && existing->original_value.length > 0) {
        const auto at = static_cast<std::size_t>(existing->original_value.data - html.data());
        return {at, existing->original_value.length, "\"" + value + "\""};
    }
    return {tag_name_end, 0, std::string(" ") + name + "=\"" + value + "\""};
}

}  // namespace

std::string with_language(std::string_view html, const std::string& locale) {
    const ParsedHtml parsed(html);
    const GumboNode* root = parsed.root();
    const GumboStringPiece& tag = root->v.element.original_tag;
    if (tag.length == 0 || tag.data < html.data() || tag.data >= html.data() + html.size()) return std::string(html);
    const auto tag_begin = static_cast<std::size_t>(tag.data - html.data());
    const std::size_t tag_name_end = tag_begin + 5;  // after "<html"

    const GumboVector& attributes = root->v.element.attributes;
    std::vector<Edit> edits;
    edits.push_back(set_attribute(html, attributes, tag_name_end, "lang", locale));
    if (gumbo_get_attribute(&attributes, "xml:lang"))
        edits.push_back(set_attribute(html, attributes, tag_name_end, "xml:lang", locale));
    const bool rtl = locales::is_right_to_left(locale);
    if (rtl || gumbo_get_attribute(&attributes, "dir"))
        edits.push_back(set_attribute(html, attributes, tag_name_end, "dir", rtl ? "rtl" : "ltr"));

    // Apply from the end so earlier offsets stay right; insertions at the same
    // place keep their order.
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at > b.at; });
    std::string out(html);
    for (const Edit& edit : edits) out.replace(edit.at, edit.length, edit.text);
    return out;
}

}  // namespace medloc::pipeline
