// tmx: translation memories in TMX 1.4b, read from other tools and written
// for them.
//
// A memory is a list of translation units, each with its variants: the
// same segment in several languages. Inline codes (bpt/ept pairs by `i`,
// it, ph, ut) are read into Content codes, numbered in the order the unit's
// variants name them, so that a pair has the same id in the source and the
// target; their native markup is not kept (medloc's codes stand for its own
// documents' markup). <hi> is read through, <sub> dropped with its code.
#pragma once

#include "xliff/content.h"
#include "xliff/xliff.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace medloc::xliff {

struct TmxVariant {
    std::string language;  // xml:lang as the file spells it
    Content content;
};

struct TmxUnit {
    std::string tuid;
    std::string creation_id;  // who made it (creationid), and when (creationdate, YYYYMMDDThhmmssZ)
    std::string creation_date;
    std::string change_id;  // who changed it last (changeid), and when
    std::string change_date;
    std::vector<std::pair<std::string, std::string>> props;  // <prop type="...">value</prop>
    std::vector<TmxVariant> variants;
    std::size_t offset = 0;  // where the unit starts in the file
};

struct Tmx {
    std::string source_language;  // the header's srclang ("*all*" when any)
    std::vector<TmxUnit> units;
};

// Throws ReadError. The bytes must already be known to be UTF-8; they pass
// the same XML policy as XLIFF, except that a DOCTYPE naming an external
// DTD (as TMX files carry) is allowed and never read.
Tmx read_tmx(std::string_view bytes, std::size_t max_depth = kDefaultMaxDepth);

// A TMX file written a piece at a time, so that a memory of any size is
// never held whole: the header, each unit, then the end.
std::string tmx_header(std::string_view source_language, std::string_view tool_version);
std::string tmx_unit(const TmxUnit& unit);
std::string tmx_footer();

}  // namespace medloc::xliff
