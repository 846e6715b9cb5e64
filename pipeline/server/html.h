// html: how the workspace and the review packet write text into HTML.
//
// Everything a page shows of a project (sources, targets, names, comments,
// ids) goes through escape() or render_content(): a target holding
// <script> or " onmouseover= shows as those characters, never as markup.
#pragma once

#include "qa/qa.h"

#include <string>
#include <string_view>
#include <vector>

namespace medloc::server {

// Text for an element's content or a double- or single-quoted attribute.
// Characters a reader would not see, or that would reorder what they see
// (direction controls, zero-width characters, control characters), are
// shown as a visible mark naming them.
std::string escape(std::string_view text);

// A piece of the plain text to mark, with the severity of its finding.
struct Highlight {
    qa::Span span;
    qa::Severity severity = qa::Severity::error;
};

// A segment's stored markup (xliff/content.h) as a reader sees it: bold,
// italics, code, links (underlined, not followed), line breaks; any other
// code as a small badge showing what it stands for. `highlights` are byte
// ranges of the plain text (what the QA checks read), marked in place.
// Markup that is not valid is shown as escaped text.
std::string render_content(std::string_view markup, const std::vector<Highlight>& highlights = {});

// The plain text of stored markup (itself, when it is not markup).
std::string plain_text(std::string_view markup);

// A word-level diff from `before` to `after` (plain texts): unchanged words
// as they are, removed ones in <del>, added ones in <ins>, all escaped.
std::string word_diff(std::string_view before, std::string_view after);

}  // namespace medloc::server
