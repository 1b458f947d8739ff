// The password policy: long enough to resist guessing, varied, and not the login itself.
// Applies when a password is set (by its owner or an administrator), never to stored hashes.
#pragma once

#include <string_view>

#include "common/outcome.hpp"

namespace motcua::domain {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 128;
/// From this length on, a passphrase need not mix character classes.
inline constexpr std::size_t kPassphraseLength = 16;

/// Returns Done, or an Invalid error with code "weak_password" saying which rule failed.
Outcome<Done> CheckPasswordPolicy(std::string_view password, std::string_view login);

}  // namespace motcua::domain
