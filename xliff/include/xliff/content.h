// content: the translatable content of one segment, text with inline codes.
//
// A sentence such as  Eczema is <strong>not contagious</strong>; see <br/>
// is held as runs: text "Eczema is ", an open code (id 1, type "strong"), text
// "not contagious", the close code of id 1, text "; see ", a placeholder code
// (id 2, type "br"). Codes stand for markup the translator must keep but never
// sees as raw markup; the markup itself stays with the document's skeleton.
//
// The stored form ("markup") is a small XML fragment in XLIFF 1.2's inline
// vocabulary, one canonical string per content, so two contents are equal
// exactly when their markup is:
//   Eczema is <g id="1" ctype="strong">not contagious</g>; see <x id="2" ctype="br"/>
// A pair whose other end is not in the same content is written <bx/> or <ex/>.
// A code's `display` (for a placeholder, what it hides: a URL, "<br>") is
// carried as equiv-text so that tools and people can show it.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::xliff {

struct Run {
    enum class Kind { text, open, close, placeholder };

    Kind kind = Kind::text;
    std::string text;  // text runs: the characters; codes: what they display
    int id = 0;        // codes: unique per pair or placeholder within the content
    std::string type;  // codes: what the markup is ("strong", "a", "br", "url")

    bool is_code() const { return kind != Kind::text; }
    friend bool operator==(const Run&, const Run&) = default;
};

struct Content {
    std::vector<Run> runs;

    // The characters a reader sees, codes left out: what is counted and shown.
    std::string plain_text() const;
    // The canonical stored form (see the file comment).
    std::string to_markup() const;
    // Appends text, merging it with a text run that ends the content.
    void append_text(std::string_view text);

    friend bool operator==(const Content&, const Content&) = default;
};

class MarkupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads the stored form back. Throws MarkupError when it is not one.
Content content_from_markup(std::string_view markup);

// The inline vocabularies a content is written in: the stored form, and the
// standard codes of XLIFF 1.2 (g/x/bx/ex, ctype values the strict schema
// allows) and 2.0 (pc/ph/sc/ec, with dataRef to <originalData>).
enum class Vocabulary { stored, xliff_1_2, xliff_2_0 };

// The <data> id that holds a code's original markup in XLIFF 2.0.
std::string data_id(const Run& code);

// `original`: for 2.0, the original markup of codes by data id; a code
// refers to its <data> only when it has one.
std::string write_inline(const Content& content, Vocabulary vocabulary,
                         const std::map<std::string, std::string>* original = nullptr);

// XML escaping of character data (&, <, >) as every writer here needs it.
std::string escape_xml_text(std::string_view text);
// XML escaping for an attribute value in double quotes.
std::string escape_xml_attribute(std::string_view text);

}  // namespace medloc::xliff
