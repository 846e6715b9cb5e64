// addresses: URLs, e-mail addresses and phone numbers in a text, which
// must reach the same place in every language. Private to qa/.
#pragma once

#include "qa/qa.h"

#include <string>
#include <string_view>
#include <vector>

namespace medloc::qa {

struct Address {
    enum class Kind { url, email, phone };
    Kind kind = Kind::url;
    Span span;
    std::string key;  // what must be the same: the text, or a phone's digits
};

std::vector<Address> addresses_in(std::string_view text);

}  // namespace medloc::qa
