// fuzz_xliff: the XLIFF reader on any bytes. It may refuse (ReadError);
// it must not crash, hang, overflow its stack or read out of bounds, and
// what it accepts must hold only characters XML allows.
#include "locales/locales.h"
#include "xliff/xliff.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (medloc::locales::find_invalid_utf8(bytes)) return 0;  // import refuses these before reading
    try {
        const medloc::xliff::ReadXliff read = medloc::xliff::read_xliff(bytes);
        for (const auto& file : read.files)
            for (const auto& unit : file.units)
                for (const auto& run : unit.target.runs)
                    if (run.text.find('\0') != std::string::npos) std::abort();  // a NUL got through
    } catch (const medloc::xliff::ReadError&) {}
    return 0;
}
