// Account: a person who signs in — a citizen (login: 12-digit personal ID number), an
// organisation's representative (login: tax code) or an officer (login: user name) working in
// an agency with role grants. Passwords are stored only as argon2id hashes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/access/role.hpp"

namespace motcua::domain {

struct Account {
    std::int64_t id = 0;
    AccountKind kind = AccountKind::kCitizen;
    std::string login;
    std::string name;
    std::string phone;
    std::string email;
    std::string agency_code;     // Officers: the agency they work in.
    std::string title;           // Officers: chức danh.
    std::string representative;  // Organisations: the legal representative's name.
    std::string password_hash;   // argon2id, libsodium's encoded form.
    bool disabled = false;
    std::string created_at;
    std::string password_changed_at;
    // The password was set by someone else (an administrator's reset): a one-time password the
    // holder must replace at the next sign-in before anything else (docs/security.md).
    bool must_change_password = false;
    std::vector<RoleGrant> grants;
};

/// Returns true when `login` has the form its account kind requires: 12 digits for a citizen's
/// personal ID number, 10 or 13 digits (or 10 digits, '-', 3 digits) for a tax code, and
/// 3–64 characters of a-z 0-9 . _ - for an officer.
bool IsValidLogin(AccountKind kind, std::string_view login);

}  // namespace motcua::domain
