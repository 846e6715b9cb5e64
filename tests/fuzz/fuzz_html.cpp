// fuzz_html: html documents through extract and the skeleton (fuzz_document.h).
#include "fuzz_document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return medloc::fuzz::extract_and_rebuild(data, size, medloc::pipeline::Format::html);
}
