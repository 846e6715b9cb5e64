// names.cpp - printed names and ids, checked with ICU.
#include "locales/names.h"

#include "icu_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

namespace medloc::locales {
namespace {

constexpr std::size_t kMaxName = 200;

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// Characters a person never types into a name and a reader never sees.
bool is_hidden(UChar32 c) {
    const int8_t type = u_charType(c);
    return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_LINE_SEPARATOR ||
           type == U_PARAGRAPH_SEPARATOR || type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE;
}

struct SpoofChecker {
    USpoofChecker* checker = nullptr;
    SpoofChecker() {
        UErrorCode status = U_ZERO_ERROR;
        checker = uspoof_open(&status);
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU spoof checker: ") + u_errorName(status));
        uspoof_setChecks(checker, USPOOF_CONFUSABLE, &status);
    }
    ~SpoofChecker() { uspoof_close(checker); }
    SpoofChecker(const SpoofChecker&) = delete;
    SpoofChecker& operator=(const SpoofChecker&) = delete;

    icu::UnicodeString skeleton(const icu::UnicodeString& text) const {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString out;
        uspoof_getSkeletonUnicodeString(checker, 0, text, out, &status);
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU spoof skeleton: ") + u_errorName(status));
        return out;
    }
};

const SpoofChecker& spoof_checker() {
    static const SpoofChecker checker;
    return checker;
}

// The words of a name as a reader tells people apart: case-folded
// skeletons of its letters and digits, leaving out initials ("M.", "D.") and
// short abbreviations before the last word ("Dr.", "Prof.").
std::vector<icu::UnicodeString> words_of(std::string_view name) {
    const icu::UnicodeString text = from_utf8(name);
    struct Word {
        icu::UnicodeString letters;
        bool closed = false;  // a separator followed it
        bool dotted = false;  // a full stop followed it
    };
    std::vector<Word> words(1);
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK) {
            if (words.back().closed) words.emplace_back();
            words.back().letters.append(c);
        } else if (!words.back().letters.isEmpty()) {
            if (!words.back().closed) words.back().dotted = c == '.';
            words.back().closed = true;
        }
    }
    if (words.back().letters.isEmpty()) words.pop_back();
    std::vector<icu::UnicodeString> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& word = words[i];
        const bool initial = word.letters.countChar32() == 1;
        const bool abbreviation = word.dotted && word.letters.countChar32() <= 4 && i + 1 < words.size();
        if (!initial && !abbreviation)
            kept.push_back(spoof_checker().skeleton(icu::UnicodeString(word.letters).foldCase()));
    }
    return kept;
}

}  // namespace

CheckedName check_name(std::string_view name) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC: ") + u_errorName(status));
    const icu::UnicodeString text = nfc->normalize(from_utf8(name), status);
    if (U_FAILURE(status)) return {{}, "it is not valid text"};
    icu::UnicodeString clean;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (is_hidden(c)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            return {{}, std::string("it holds the invisible or control character ") + code};
        }
        if (u_isUWhiteSpace(c)) {
            if (clean.length() > 0 && clean[clean.length() - 1] != ' ') clean.append(UChar(' '));
        } else {
            clean.append(c);
        }
    }
    clean.trim();
    if (clean.isEmpty()) return {{}, "it is empty"};
    std::string out = to_utf8(clean);
    if (out.size() > kMaxName) return {{}, "it is longer than " + std::to_string(kMaxName) + " bytes"};
    return {std::move(out), {}};
}

std::string id_problem(std::string_view id) {
    if (id.empty() || id.size() > 32) return "an id has 1 to 32 characters";
    if (id[0] < 'a' || id[0] > 'z') return "an id starts with a letter a-z";
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return "an id has only a-z, 0-9, '.', '_' and '-'";
    return {};
}

bool names_confusable(std::string_view a, std::string_view b) {
    const auto wa = words_of(a), wb = words_of(b);
    return !wa.empty() && wa == wb;
}

bool ids_confusable(std::string_view a, std::string_view b) {
    const SpoofChecker& spoof = spoof_checker();
    return spoof.skeleton(from_utf8(a).foldCase()) == spoof.skeleton(from_utf8(b).foldCase());
}

std::string visible(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        UChar32 c = 0;
        const std::size_t start = i;
        int32_t at = static_cast<int32_t>(i);
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at, static_cast<int32_t>(text.size()), c);
        i = static_cast<std::size_t>(at);
        if (c == '\n') {
            out += "\\n";
        } else if (c < 0 || is_hidden(c) || u_getIntPropertyValue(c, UCHAR_BIDI_CONTROL)) {
            char code[24];
            std::snprintf(code, sizeof code, "\\u{%04X}", static_cast<unsigned>(c < 0 ? 0xFFFD : c));
            out += code;
        } else {
            out.append(text, start, i - start);
        }
    }
    return out;
}

}  // namespace medloc::locales
