// filter: the one shape every source format takes on its way into medloc.
//
// As in the Okapi framework, a filter reads a whole document and reports its
// translatable text as units (a heading, a paragraph, a list item, a table
// cell, an alt or title attribute). A unit is a run of pieces covering one
// contiguous stretch of the source bytes: text, and inline codes for markup
// inside the sentence. Everything outside the units is skeleton, kept as is.
//
// Each piece knows the exact bytes it came from (`raw`), so that the document
// can be rebuilt byte for byte. A text piece whose characters differ from its
// bytes is a "spelling": an entity (&#8217; for ’), a backslash escape, a
// line break folded into a space. Filters split text so that every spelling is
// a piece of its own and every other text piece is its bytes verbatim.
//
// Units may nest in one way only: an attribute unit (a link's title) lies
// inside the raw bytes of a code of another unit. Units are reported in the
// order they start in the source.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::pipeline {

struct Range {
    std::size_t begin = 0;
    std::size_t end = 0;

    std::size_t size() const { return end - begin; }
    bool contains(const Range& other) const { return begin <= other.begin && other.end <= end; }
    friend bool operator==(const Range&, const Range&) = default;
};

struct Piece {
    enum class Kind { text, open, close, placeholder };

    Kind kind = Kind::text;
    Range raw;         // the source bytes this piece stands for
    std::string text;  // text: the characters; placeholder: what it shows
    std::string type;  // codes: the markup's name ("strong", "a", "br", "code")
    int pair = 0;      // open and close: the same number for both ends

    bool is_code() const { return kind != Kind::text; }
};

// What a unit is in the document, for context notes and for writing back.
enum class UnitKind { title, heading, paragraph, list_item, table_cell, caption, attribute, preformatted };
const char* to_string(UnitKind kind);

struct TextUnit {
    UnitKind kind = UnitKind::paragraph;
    std::vector<Piece> pieces;
    std::string context;  // the heading this unit stands under, for translators
    bool unquoted = false;  // an HTML attribute value written without quotes

    Range raw() const;
};

enum class Format { text, markdown, html };
const char* to_string(Format format);
std::optional<Format> format_named(std::string_view name);

// A document a filter cannot take apart faithfully; `offset` is where.
class FilterError : public std::runtime_error {
public:
    FilterError(std::size_t offset, const std::string& what) : std::runtime_error(what), offset(offset) {}
    std::size_t offset;
};

class Filter {
public:
    virtual ~Filter() = default;
    // Reads a whole document (valid UTF-8) and returns its units in order.
    virtual std::vector<TextUnit> extract(std::string_view source) = 0;
};

std::unique_ptr<Filter> make_filter(Format format);

// A filter whose extraction is one function (each format's own file).
using Extraction = std::vector<TextUnit> (*)(std::string_view source);
std::unique_ptr<Filter> filter_of(Extraction extraction);

// Builds one unit piece by piece and keeps it contiguous: bytes between two
// pieces that no piece claims (a comment inside a paragraph, the spaces of a
// soft line break) join the neighbouring code, or become a placeholder code
// of their own, so that no byte of the unit is lost.
class UnitBuilder {
public:
    UnitBuilder(std::string_view source, UnitKind kind, std::string context);

    void add_text(Range raw, std::string text);  // text differing from its bytes
    void add_verbatim(Range raw);                // text that is its bytes
    void add_code(Piece::Kind kind, Range raw, std::string type, int pair = 0);
    bool empty() const { return unit_.pieces.empty(); }
    const std::vector<Piece>& pieces() const { return unit_.pieces; }
    TextUnit take();

private:
    void close_gap(std::size_t next_begin);

    std::string_view source_;
    TextUnit unit_;
};

}  // namespace medloc::pipeline
