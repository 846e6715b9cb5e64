// keys: passphrases and signatures, all by libsodium (no cryptography of
// medloc's own).
//
// A passphrase is kept only as an Argon2id hash (crypto_pwhash_str). Each
// person has an Ed25519 key pair; the secret key is kept sealed
// (XSalsa20-Poly1305) under a key derived from the passphrase with Argon2id
// and a salt of its own, so that only the person who knows the passphrase
// can sign. Keys, salts and signatures are stored as lowercase hex.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace medloc::reviews {

// Argon2id, encoded with its salt and cost ("$argon2id$v=19$...").
std::string hash_passphrase(std::string_view passphrase);
bool passphrase_matches(const std::string& hash, std::string_view passphrase);
// As long as refusing a wrong passphrase takes (a seal that does not open,
// then the hash that does not match), with no one's: refusing an unknown
// person then tells no one which ids are registered.
void take_refusal_time(std::string_view passphrase);

// An unsealed signing key: held in memory only while one act is signed,
// wiped when it goes.
class SigningKey {
public:
    // A new key pair.
    static SigningKey generate();
    // The key sealed in `sealed` (see seal()), if `passphrase` opens it.
    static std::optional<SigningKey> unseal(const std::string& sealed, std::string_view passphrase);
    ~SigningKey();
    SigningKey(SigningKey&& other) noexcept;
    SigningKey(const SigningKey&) = delete;
    SigningKey& operator=(const SigningKey&) = delete;
    SigningKey& operator=(SigningKey&&) = delete;

    std::string public_key() const;  // hex
    // Sealed under `passphrase`: salt, nonce and box, as hex.
    std::string seal(std::string_view passphrase) const;
    // The Ed25519 signature of `message`, as hex.
    std::string sign(std::string_view message) const;

private:
    SigningKey();
    std::array<unsigned char, 64> secret_{};
};

bool signature_valid(const std::string& public_key, std::string_view message, const std::string& signature);

// What people compare to know a key: SHA-256 of the public key, its first
// 16 bytes as hex in groups of four ("3f2a 91c0 ...").
std::string key_fingerprint(const std::string& public_key);

}  // namespace medloc::reviews
