// icu_text: UTF-8 text as ICU's UnicodeString, the one way locales/ makes
// one. Private to locales/.
#pragma once

#include <unicode/unistr.h>

#include <string_view>

namespace medloc::locales {

inline icu::UnicodeString from_utf8(std::string_view text) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

}  // namespace medloc::locales
