// read_back: a built document read again with the filter that extracted
// its source, so that nothing ships that no one signed. Every text unit the
// filter finds must be made of approved targets (and text without letters or
// digits: punctuation, white space the skeleton kept); anything else is
// text the extraction missed, or a target that did not land where it should.
#pragma once

#include "extract/filter.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medloc::pipeline {

struct UnsignedText {
    std::size_t line = 1;  // where its unit starts in the built document
    std::size_t column = 1;
    std::string text;  // what is left of the unit once every target is taken out
};

// `targets`: what each approved target shows a reader (its text, and the
// URLs and addresses it carries), in document order.
std::vector<UnsignedText> unsigned_text(std::string_view built, Format format, const std::vector<std::string>& targets);

}  // namespace medloc::pipeline
