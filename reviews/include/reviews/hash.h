// hash: SHA-256 (OpenSSL) as lowercase hex, for content hashes, segment ids
// and the audit chain; and the one hex encoder medloc uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace medloc::reviews {

std::string sha256_hex(std::string_view bytes);

// Each byte as two lowercase hex digits, and back (nothing for text that
// is not an even number of hex digits).
std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex);

// `count` random bytes from OpenSSL's generator, as hex.
std::string random_hex(std::size_t count);

}  // namespace medloc::reviews
