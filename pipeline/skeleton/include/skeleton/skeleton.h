// skeleton: what a document version keeps besides its segments, so that it
// can be written again with any text in place of each segment.
//
// A skeleton is a template: literal source bytes and slots, one slot per
// segment. A slot holds, for each inline code of the segment, the code's own
// bytes (again a template: a link's markup may hold its title, a segment of
// its own), and the spellings of its text (see segmenter.h).
//
// Writing a segment back: when the text is the very source text it was cut
// from, its spellings are replayed, so the original comes back byte for byte.
// Any other text is escaped for where it goes (HTML text or attribute,
// Markdown, plain text), and each of its codes is written as the bytes of the
// source code with the same id.
//
// Stored as JSON: {"body": [part...], "encoding", "slots": [{"id",
// "encoding", "codes": {"run": [part...]}, "spellings": [[run, offset,
// length, "raw"]...]}]}, where a part is a string (literal) or a number
// (slot index). What is a default is left out: the skeleton's "encoding"
// (text) and a slot's (the skeleton's), empty codes and spellings; a slot
// with nothing else is its id alone.
#pragma once

#include "extract/filter.h"
#include "extract/segmenter.h"
#include "xliff/content.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::pipeline {

struct Part {
    std::string literal;
    int slot = -1;  // >= 0: the slot of this index, not a literal
};
using Template = std::vector<Part>;

// How target text is written into its place in the document. An HTML
// attribute value is escaped for the quoting it has in the source: inside
// quotes (either kind) & < > " ' become references; without quotes also
// white space, = and ` do, since any of them would end the value and let a
// translation add attributes of its own (onerror=...). A Markdown link or
// image title escapes what would end it (" ' ) and what would start a
// reference (& \\); `markdown_any` is the escaping safe in text and titles
// alike, for skeletons that did not record which one a slot is.
enum class Encoding { text, html_text, html_attribute, html_attribute_unquoted, markdown, markdown_title, markdown_any };

struct Slot {
    struct Spelled {
        std::size_t run = 0;
        std::size_t offset = 0;
        std::size_t length = 0;
        std::string raw;
    };
    std::string segment_id;
    Encoding encoding = Encoding::text;
    std::map<std::size_t, Template> codes;  // by run index in the source content
    std::vector<Spelled> spellings;
};

struct Skeleton {
    Template body;
    std::vector<Slot> slots;

    std::string to_json() const;
    static Skeleton from_json(std::string_view json);
};

// `segments` in document order, `ids` their segment ids.
Skeleton make_skeleton(std::string_view source, Format format, const std::vector<ExtractedSegment>& segments,
                       const std::vector<std::string>& ids);

// The source a segment was cut from and the text to write in its place.
struct SegmentText {
    const xliff::Content* source = nullptr;
    const xliff::Content* target = nullptr;
};
using SegmentLookup = std::function<SegmentText(const std::string& segment_id)>;

class RebuildError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The document with each segment replaced by its target. Throws RebuildError
// when a target has a code its source does not.
std::string rebuild(const Skeleton& skeleton, const SegmentLookup& lookup);

// The markup each inline code of `slot`'s segment stands for, by
// xliff::data_id; a segment nested in a code (a link's title) is written
// as `lookup` gives it.
std::map<std::string, std::string> original_codes(const Skeleton& skeleton, const Slot& slot,
                                                  const xliff::Content& source, const SegmentLookup& lookup);

// Target text escaped for its place.
std::string encode(std::string_view text, Encoding encoding);

}  // namespace medloc::pipeline
