// html.cpp - gumbo's parse, owned.
#include "extract/html.h"

#include <new>

namespace medloc::pipeline {

ParsedHtml::ParsedHtml(std::string_view html)
    : output_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {
    if (!output_) throw std::bad_alloc();
}

ParsedHtml::~ParsedHtml() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

}  // namespace medloc::pipeline
