// fuzz_tbx: the glossary reader on any bytes. It may refuse (GlossaryError);
// it must not crash, hang or overflow its stack, and what it accepts gives
// terms for any pair of locales.
#include "qa/glossary.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const medloc::qa::Glossary glossary = medloc::qa::Glossary::read_tbx(bytes);
        for (const char* locale : {"es-US", "de", "ja"}) (void)glossary.terms("en-US", locale);
    } catch (const medloc::qa::GlossaryError&) {}
    return 0;
}
