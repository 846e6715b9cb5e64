// html_language: the language of a built HTML document.
#pragma once

#include <string>
#include <string_view>

namespace medloc::pipeline {

// `html` with its <html> start tag saying `locale`: lang (and xml:lang where
// the source has it) set to the locale, dir="rtl" for a right-to-left one
// and dir="ltr" where the source said rtl. Everything else byte for byte.
// A document without an <html> start tag is given back unchanged.
std::string with_language(std::string_view html, const std::string& locale);

}  // namespace medloc::pipeline
