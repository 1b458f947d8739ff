// The password policy: long enough to resist guessing, varied, not the login or the holder's
// name, not a common password, not the product's public demo password, and guessable by no
// pattern the zxcvbn estimate knows. Applies when a password is set (by its owner or an
// administrator), never to stored hashes. Rules and sources: docs/security.md, "Passwords";
// the lists: resources/security/README.md.
#pragma once

#include <string_view>

#include "common/outcome.hpp"

namespace motcua::domain {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 128;
/// From this length on, a passphrase need not mix character classes.
inline constexpr std::size_t kPassphraseLength = 16;
/// The least zxcvbn entropy accepted, in bits (about 10^9 guesses: beyond an online attack and
/// hours of a slow-hash offline one).
inline constexpr double kMinPasswordEntropyBits = 30.0;
/// The password of the demo accounts, public in the README: refused outside demo mode.
inline constexpr std::string_view kDemoPassword = "MotCua@2026";

/// Whose password is being set.
struct PasswordSubject {
    std::string_view login;
    std::string_view name;               // The holder's name: its words are easy guesses too.
    bool demo_password_allowed = false;  // Demo mode only (`motcua demo`, demo_mode = true).
};

/// Returns Done, or an Invalid error with code "weak_password" saying which rule failed.
Outcome<Done> CheckPasswordPolicy(std::string_view password, const PasswordSubject& subject);

/// True when `password` is on the shipped common-password lists, compared without case, also
/// when it is a listed password followed by digits and symbols ("Dragon@2026").
bool IsCommonPassword(std::string_view password);

}  // namespace motcua::domain
