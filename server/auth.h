#pragma once

#include <string>
#include <string_view>

namespace attache::server {

/// Initialises libsodium; false if it cannot (the server then refuses to start).
bool initCrypto();
/// An Argon2id hash in libsodium's self-describing string form (crypto_pwhash_str).
std::string hashPassword(std::string_view password);
/// Checks a password against a stored hash. At most two run at once per process: each takes
/// 64 MiB and most of a core, and a burst of logins must not exhaust memory.
bool verifyPassword(std::string_view password, const std::string &hash);
/// 32 random bytes in hex: a device token (only its SHA-256 is stored).
std::string newToken();
std::string sha256Hex(std::string_view bytes);

} // namespace attache::server
