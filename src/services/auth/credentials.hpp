// Credentials: argon2id password hashing (libsodium) and opaque session tokens. Tokens are 32
// random bytes in base64url; only their SHA-256 is ever stored, so a database leak yields no
// usable session, and lookups by hash make the comparison constant-time by construction.
#pragma once

#include <string>
#include <string_view>

namespace motcua::services {

/// Cost of argon2id; kInteractive is libsodium's interactive preset (64 MiB, 2 passes).
enum class HashCost { kInteractive, kMinimumForTest };

/// Initialises libsodium; call once at start-up (safe to call again).
void InitialiseCrypto();
/// Returns the argon2id hash of `password` in libsodium's encoded form ($argon2id$v=19$...).
std::string HashPassword(std::string_view password, HashCost cost);
/// Returns true when `password` matches `hash`; false for any malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);
/// Returns a new random token (43 characters of base64url).
std::string NewToken();
/// Returns the lower-case hex SHA-256 of `token`.
std::string HashToken(std::string_view token);
/// Compares two strings in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);
/// Returns a random password that satisfies the policy (for new accounts and resets).
std::string NewRandomPassword();

}  // namespace motcua::services
