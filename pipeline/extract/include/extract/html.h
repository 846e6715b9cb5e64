// html: the one owner of a gumbo parse. Every part of medloc that reads HTML
// (the filter, character references, the language of a built page) parses
// through it, so that gumbo's output is always freed.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace medloc::pipeline {

class ParsedHtml {
public:
    // `html` must outlive the parse: gumbo points into it.
    explicit ParsedHtml(std::string_view html);
    ~ParsedHtml();
    ParsedHtml(const ParsedHtml&) = delete;
    ParsedHtml& operator=(const ParsedHtml&) = delete;

    // The <html> element, written or implied.
    const GumboNode* root() const { return output_->root; }

private:
    GumboOutput* output_;
};

// A piece of text a reader of a page sees, where it starts in the page.
struct VisibleText {
    std::size_t offset = 0;
    std::string text;       // decoded
    bool separate = false;  // an attribute: text of its own, not part of the text around it
};

// Every text a reader can see in `html`: in document order, text nodes
// outside script, style and template and outside what the page marks not to
// be translated (translate="no", class "notranslate", <code>), and the
// translatable attributes (alt, title, ...) after them. Wider than the filter: a bundle
// is checked against it, so that text the filter passes over (inside <svg>,
// <pre>, <textarea>, an <object>'s fallback) cannot ship untranslated.
std::vector<VisibleText> visible_text(std::string_view html);

}  // namespace medloc::pipeline
