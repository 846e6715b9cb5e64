// html: the one owner of a gumbo parse. Every part of medloc that reads HTML
// (the filter, character references, the language of a built page) parses
// through it, so that gumbo's output is always freed.
#pragma once

#include <gumbo.h>

#include <string_view>

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

}  // namespace medloc::pipeline
