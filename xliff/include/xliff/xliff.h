// xliff: XLIFF files as medloc writes them for CAT tools and reads them back.
//
// One file holds one version of one document for one target locale, one
// segment per unit (PEERS.md: the form every consumer handles). Both XLIFF
// 1.2 (the default, g/x/bx/ex codes) and 2.0 (pc/ph/sc/ec codes with the
// original markup in <originalData>) are written valid against the official
// schemas. What says where a file belongs:
//   1.2  <file original="DOC" product-name="medloc:PROJECT" build-num="VERSION"
//              product-version="LOG">
//   2.0  <file original="DOC" medloc:project="PROJECT" medloc:version="VERSION"
//              medloc:log="LOG">
// where LOG is the project's place in its log when the file was exported, so
// that import can tell a target changed since then from the file's.
// (1.2's strict schema allows no foreign attributes, so its own are used.)
//
// Reading accepts what tools return: extra attributes and namespaces, <group>,
// <seg-source>, <mrk> segmentation inside a target, several <segment>s in a
// 2.x unit, bpt/ept/ph/it and sc/ec codes. Codes are read by kind and id only;
// the caller matches them against the stored source.
#pragma once

#include "xliff/content.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::xliff {

enum class Version { v1_2, v2_0 };

// "xliff-1.2" / "xliff-2.0", as the command line names them.
std::optional<Version> version_named(std::string_view name);

// How far a unit's translation has come, in XLIFF's own words, in workflow
// order. Both versions map onto these (DESIGN.md's state table):
//   initial            1.2 new                      2.0 initial
//   needs_translation  1.2 needs-translation, or    2.0 initial with subState
//                      needs-review-translation         medloc:needs-translation
//                      when a stale target goes along
//   translated         1.2 translated               2.0 translated
//   reviewed           1.2 signed-off               2.0 reviewed
//   final              1.2 final, approved="yes"    2.0 final
enum class UnitState { initial, needs_translation, translated, reviewed, final };

// A translation the project's memory offers for a unit: 1.2 <alt-trans>
// with match-quality and origin, 2.0 <mtc:match> with similarity.
struct Match {
    enum class Kind { in_context, exact, fuzzy };
    Kind kind = Kind::fuzzy;
    int quality = 0;  // 101 in context, 100 exact, below for fuzzy
    Content source;   // the memory's source text
    Content target;
    std::string origin;  // where it came from: the project, a TMX file's name
};

struct Unit {
    std::string id;    // the segment id
    std::string note;  // context for the translator
    // What medloc's clinical checks found in the target, one line each, so
    // that translators see them in their CAT tool (1.2 <note
    // from="medloc-qa">, 2.0 <note category="medloc-qa">).
    std::vector<std::string> qa_notes;
    Content source;
    std::optional<Content> target;
    UnitState state = UnitState::initial;
    // A translation made for an earlier source text of this segment, kept
    // for reference (1.2 alt-trans, 2.0 a note pair).
    std::optional<Content> previous_source;
    std::optional<Content> previous_target;
    // The original markup of inline codes, by data_id (content.h).
    std::map<std::string, std::string> original_codes;
    // What the memory offers, best first. When `leveraged`, the target was
    // pre-filled from the first (in context or exact), and says so: 1.2
    // state-qualifier "exact-match" (in context) or "leveraged-tm" (exact),
    // 2.0 state "translated" and the match listed.
    std::vector<Match> matches;
    bool leveraged = false;
};

struct File {
    std::string project_id;
    std::string document_id;
    std::int64_t version = 0;
    std::int64_t log_position = 0;  // the project's log when exported
    std::string format;             // text, markdown, html
    std::string source_language;
    std::string target_language;
    std::vector<Unit> units;
};

std::string write_xliff(const File& file, Version version);

// A unit as a file gives it back.
struct ReadUnit {
    std::string id;
    Content source;
    Content target;  // empty when the file has no target text
    bool has_target = false;
    std::optional<UnitState> state;  // what the file claims, if it says anything XLIFF defines
    std::size_t offset = 0;          // where the unit starts in the file
};

struct ReadFile {
    std::string project_id;  // "" when the file does not say
    std::string document_id;
    std::int64_t version = 0;       // 0 when the file does not say
    std::int64_t log_position = 0;  // 0 when the file does not say
    std::string target_language;
    std::vector<ReadUnit> units;
    std::size_t offset = 0;
};

struct ReadXliff {
    Version version = Version::v1_2;
    std::vector<ReadFile> files;
};

// The encoding an XML file's bytes say they are in, by their byte order
// mark (UTF-16, UTF-32) or, for ASCII-compatible bytes, their XML
// declaration (encoding="windows-1252"); "" for UTF-8, XML's default, with
// or without its mark. The caller converts (locales::to_utf8).
std::string declared_encoding(std::string_view bytes);

// Something in the bytes is not XLIFF (or TMX) medloc can read: `offset` is where.
class ReadError : public std::runtime_error {
public:
    ReadError(std::size_t offset, const std::string& what, std::string todo)
        : std::runtime_error(what), offset(offset), todo(std::move(todo)) {}
    std::size_t offset;
    std::string todo;
};

// How deep elements may nest unless the caller raises it: far above any
// XLIFF a tool writes, far below what would exhaust a reader's stack.
inline constexpr std::size_t kDefaultMaxDepth = 256;

// Throws ReadError. The bytes must already be known to be UTF-8. Refuses a
// DTD, undefined entities, characters XML forbids (raw or referenced),
// nesting deeper than `max_depth`, a foreign element inside text, and a
// second <source>, <target> or <file> of the same document.
ReadXliff read_xliff(std::string_view bytes, std::size_t max_depth = kDefaultMaxDepth);

// A pseudo-translation of `source`: letters accented, about 30% longer,
// bracketed; codes, digits and punctuation kept.
Content pseudo_translate(const Content& source);
// The text a pseudo-translation's plain text was made from (accents taken
// off, brackets and padding dropped); nothing for any other text.
std::optional<std::string> pseudo_original(std::string_view plain);

}  // namespace medloc::xliff
