// addresses: URLs and e-mail addresses in a sentence's text, which the
// segmenter turns into placeholder codes so that no one changes them by
// mistake. Private to extract/.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace medloc::pipeline {

struct Address {
    std::size_t begin;
    std::size_t end;
    const char* type;  // "url" or "email"
};

// URLs ("https://…", "www.…", "mailto:…") and e-mail addresses in `text`,
// in order, without trailing punctuation.
std::vector<Address> find_addresses(std::string_view text);

}  // namespace medloc::pipeline
