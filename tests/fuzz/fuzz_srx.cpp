// fuzz_srx: the segmentation rules reader on any bytes, and the rules it
// accepts applied to a paragraph. It may refuse (ReadError) or stop a rule
// that backtracks without end (BreakRuleTimeout); it must not crash, hang
// or overflow its stack, and its breaks stay inside the text, ascending.
#include "locales/locales.h"
#include "xliff/srx.h"
#include "xliff/xliff.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (medloc::locales::find_invalid_utf8(bytes)) return 0;  // read_xml_file converts or refuses first
    static const std::string paragraph =
        "Give 5 mL; max. 4 doses a day. Call Dr. J. R. Alvarez at 7:00 a.m. Mon.–Fri. See Fig. 2.  Varga L, et al. "
        "Fever. ¿Qué es la fiebre? Sí.";
    try {
        const medloc::xliff::Segmentation srx = medloc::xliff::read_srx(bytes);
        for (const char* locale : {"en-US", "es", "de-DE"}) {
            medloc::locales::SentenceBreaker breaker(locale, srx.rules_for(locale));
            std::size_t last = 0;
            for (const std::size_t at : breaker.boundaries(paragraph)) {
                if (at <= last || at >= paragraph.size()) std::abort();
                last = at;
            }
        }
    } catch (const medloc::xliff::ReadError&) {
    } catch (const medloc::locales::BreakRuleTimeout&) {
    }
    return 0;
}
