// entities: decoding one HTML character reference, for the filters whose
// parser reports a reference without decoding it (md4c). Named references are
// decoded by gumbo, the HTML parser medloc already uses, so that medloc keeps
// no entity table of its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace medloc::pipeline {

// "&amp;" -> "&", "&#8217;" -> "’", "&#x2014;" -> "—". Nothing when `reference`
// is not a complete, known reference.
std::optional<std::string> decode_character_reference(std::string_view reference);

}  // namespace medloc::pipeline
