// hash: SHA-256 (OpenSSL) as lowercase hex, for content hashes, segment ids
// and the audit chain.
#pragma once

#include <string>
#include <string_view>

namespace medloc::reviews {

std::string sha256_hex(std::string_view bytes);

}  // namespace medloc::reviews
