// fuzz_qa: the clinical checks on any source and target (valid UTF-8, as
// every stored text is), in languages with different digits, decimal marks
// and scripts. They must not crash, hang or read out of bounds, and every
// finding's places must lie in its texts and show what they name.
#include "locales/locales.h"
#include "qa/qa.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace {

void check_place(std::string_view text, medloc::qa::Span span, const std::string& shown) {
    if (span.begin > span.end || span.end > text.size()) std::abort();
    if (!span.empty() && text.substr(span.begin, span.end - span.begin) != shown) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const kLocales[] = {"es-ES", "de", "ar", "ja", "fr"};
    static std::unique_ptr<medloc::qa::Checker> checkers[5];
    if (size < 1) return 0;
    const std::size_t which = data[0] % 5;
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    if (medloc::locales::find_invalid_utf8(bytes)) return 0;
    const std::size_t tab = bytes.find('\t');
    const std::string_view source = bytes.substr(0, tab);
    const std::string_view target = tab == std::string_view::npos ? std::string_view() : bytes.substr(tab + 1);
    auto& checker = checkers[which];
    if (!checker)
        checker = std::make_unique<medloc::qa::Checker>(
            "en-US", kLocales[which],
            std::vector<medloc::qa::Term>{{"fever", "fiebre", medloc::qa::Term::Kind::approved},
                                          {"", "calentura", medloc::qa::Term::Kind::forbidden}});
    for (const bool keep : {false, true})
        for (const medloc::qa::Finding& finding : checker->check(source, target, keep)) {
            check_place(source, finding.source, finding.source_text);
            check_place(target, finding.target, finding.target_text);
        }
    return 0;
}
