// xml_policy: what medloc accepts of XML before any parser sees it.
//
// XLIFF comes back from other people's tools and other people's hands, so
// the bytes are checked first, in one pass, for what a lenient parser would
// quietly turn into different text:
//   - a DTD (<!DOCTYPE ...>): it can define entities that change the text;
//   - entity references other than the five XML predefines (&dose;);
//   - character references and raw characters XML 1.0 forbids (&#0; ends a
//     C string early and cuts the sentence; ESC, BEL and the like);
//   - elements nested deeper than a limit, which would exhaust the stack of
//     any reader that follows the tree.
// Private to xliff/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <pugixml.hpp>

namespace medloc::xliff {

// XML 1.0's Char production: tab, line feed, carriage return, and the
// scalar values from U+0020 except surrogates, U+FFFE and U+FFFF.
bool is_xml_char(std::uint32_t code_point);

// Whether a document type declaration may name an external DTD: TMX files
// carry <!DOCTYPE tmx SYSTEM "tmx14.dtd"> by custom. The DTD is never read;
// an internal subset is refused either way.
enum class Doctype { refused, external_only };

// Throws ReadError (xliff.h) at the first thing the policy refuses. The
// bytes must already be known to be UTF-8.
// Checks the bytes against the policy, then parses them into `document`
// keeping white space. Throws ReadError at the first problem; `todo` says
// what to do about malformed XML.
void load_checked_xml(pugi::xml_document& document, std::string_view bytes, std::size_t max_depth, Doctype doctype,
                      const char* todo);

// Where an element starts in the bytes it was parsed from: its "<", where
// people look for it (pugixml points at the name).
std::size_t offset_of(pugi::xml_node node);

void check_xml_policy(std::string_view bytes, std::size_t max_depth, Doctype doctype = Doctype::refused);

}  // namespace medloc::xliff
