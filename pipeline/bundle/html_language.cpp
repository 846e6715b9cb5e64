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

// Where the <html> start tag is looked for: before the first "<head" or
// "<body" (in any case), which a page writes after it. The page is parsed
// whole only when that part holds no written <html> tag: every HTML
// document of a build is parsed once more to read it back, and parsing it a
// third time for one tag was a twentieth of the build.
std::string_view before_head_or_body(std::string_view html) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const auto same = [&](char a, char b) { return lower(a) == b; };
    std::size_t end = html.size();
    for (const std::string_view tag : {std::string_view("<head"), std::string_view("<body")}) {
        const auto found = std::search(html.begin(), html.end(), tag.begin(), tag.end(), same);
        end = std::min(end, static_cast<std::size_t>(found - html.begin()));
    }
    return html.substr(0, end);
}

// The root's start tag as written in `part`, if it is there.
bool written_in(const GumboNode* root, std::string_view part) {
    const GumboStringPiece& tag = root->v.element.original_tag;
    return tag.length > 0 && tag.data >= part.data() && tag.data + tag.length <= part.data() + part.size();
}

std::string with_language_of(std::string_view html, const GumboNode* root, const std::string& locale) {
    if (!written_in(root, html)) return std::string(html);
    const GumboStringPiece& tag = root->v.element.original_tag;
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

}  // namespace

std::string with_language(std::string_view html, const std::string& locale) {
    const std::string_view start = before_head_or_body(html);
    const ParsedHtml start_parsed(start);
    if (written_in(start_parsed.root(), start) || start.size() == html.size())
        return with_language_of(html, start_parsed.root(), locale);
    const ParsedHtml whole(html);
    return with_language_of(html, whole.root(), locale);
}

}  // namespace medloc::pipeline
