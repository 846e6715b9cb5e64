// keys.cpp - libsodium, wrapped.
#include "reviews/keys.h"

#include "reviews/hash.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace medloc::reviews {
namespace {

// Argon2id at libsodium's interactive cost: about 0.1 s and 64 MiB a try,
// which is what a person waits for and what guessing a passphrase costs.
constexpr unsigned long long kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMemory = crypto_pwhash_MEMLIMIT_INTERACTIVE;

void ready() {
    static const bool initialized = sodium_init() >= 0;
    if (!initialized) throw std::runtime_error("libsodium could not be initialized");
}

// The bytes libsodium takes; none for text that is not hex.
std::vector<unsigned char> bytes_of_hex(std::string_view hex) {
    const std::string bytes = from_hex(hex).value_or("");
    return std::vector<unsigned char>(bytes.begin(), bytes.end());
}

std::string hex_of(const unsigned char* bytes, std::size_t size) {
    return to_hex(std::string_view(reinterpret_cast<const char*>(bytes), size));
}

// The key that seals a secret key, from the passphrase and the seal's salt.
std::array<unsigned char, crypto_secretbox_KEYBYTES> sealing_key(std::string_view passphrase,
                                                                 const unsigned char* salt) {
    std::array<unsigned char, crypto_secretbox_KEYBYTES> key{};
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, kOps, kMemory,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("Argon2id ran out of memory");
    return key;
}

}  // namespace

std::string hash_passphrase(std::string_view passphrase) {
    ready();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, passphrase.data(), passphrase.size(), kOps, kMemory) != 0)
        throw std::runtime_error("Argon2id ran out of memory");
    return hash;
}

bool passphrase_matches(const std::string& hash, std::string_view passphrase) {
    ready();
    return crypto_pwhash_str_verify(hash.c_str(), passphrase.data(), passphrase.size()) == 0;
}

void take_refusal_time(std::string_view passphrase) {
    ready();
    const std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    for (int run = 0; run < 2; ++run) {
        auto key = sealing_key(passphrase, salt.data());
        sodium_memzero(key.data(), key.size());
    }
}

SigningKey::SigningKey() = default;

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

SigningKey::SigningKey(SigningKey&& other) noexcept : secret_(other.secret_) {
    sodium_memzero(other.secret_.data(), other.secret_.size());
}

SigningKey SigningKey::generate() {
    ready();
    SigningKey key;
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_keypair(public_key, key.secret_.data());
    return key;
}

std::optional<SigningKey> SigningKey::unseal(const std::string& sealed, std::string_view passphrase) {
    ready();
    const std::vector<unsigned char> bytes = bytes_of_hex(sealed);
    constexpr std::size_t kHeader = crypto_pwhash_SALTBYTES + crypto_secretbox_NONCEBYTES;
    if (bytes.size() != kHeader + crypto_secretbox_MACBYTES + crypto_sign_SECRETKEYBYTES) return std::nullopt;
    auto key = sealing_key(passphrase, bytes.data());
    SigningKey opened;
    const bool ok = crypto_secretbox_open_easy(opened.secret_.data(), bytes.data() + kHeader, bytes.size() - kHeader,
                                               bytes.data() + crypto_pwhash_SALTBYTES, key.data()) == 0;
    sodium_memzero(key.data(), key.size());
    if (!ok) return std::nullopt;
    return opened;
}

std::string SigningKey::public_key() const {
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(public_key, secret_.data());
    return hex_of(public_key, sizeof public_key);
}

std::string SigningKey::seal(std::string_view passphrase) const {
    std::vector<unsigned char> bytes(crypto_pwhash_SALTBYTES + crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                     secret_.size());
    randombytes_buf(bytes.data(), crypto_pwhash_SALTBYTES + crypto_secretbox_NONCEBYTES);
    auto key = sealing_key(passphrase, bytes.data());
    crypto_secretbox_easy(bytes.data() + crypto_pwhash_SALTBYTES + crypto_secretbox_NONCEBYTES, secret_.data(),
                          secret_.size(), bytes.data() + crypto_pwhash_SALTBYTES, key.data());
    sodium_memzero(key.data(), key.size());
    return hex_of(bytes.data(), bytes.size());
}

std::string SigningKey::sign(std::string_view message) const {
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         secret_.data());
    return hex_of(signature, sizeof signature);
}

bool signature_valid(const std::string& public_key, std::string_view message, const std::string& signature) {
    ready();
    const std::vector<unsigned char> key = bytes_of_hex(public_key);
    const std::vector<unsigned char> bytes = bytes_of_hex(signature);
    if (key.size() != crypto_sign_PUBLICKEYBYTES || bytes.size() != crypto_sign_BYTES) return false;
    return crypto_sign_verify_detached(bytes.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), key.data()) == 0;
}

std::string key_fingerprint(const std::string& public_key) {
    const std::vector<unsigned char> key = bytes_of_hex(public_key);
    const std::string digest = sha256_hex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
    std::string grouped;
    for (std::size_t i = 0; i < 32; i += 4) grouped += (i ? " " : "") + digest.substr(i, 4);
    return grouped;
}

}  // namespace medloc::reviews
