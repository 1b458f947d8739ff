// AccountStore and SessionStore: accounts with their role grants, and sign-in sessions.
// Used inside a Transaction (storage/transaction.hpp), so that a change and its audit record
// commit together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "domain/access/account.hpp"

namespace motcua::storage {

struct AccountFilter {
    std::optional<domain::AccountKind> kind;
    std::vector<std::string> agency_codes;  // Empty: any agency.
    std::string login_prefix;
    std::int64_t after_id = 0;  // Cursor: accounts with a larger id.
    int limit = 50;
};

class AccountStore {
public:
    virtual ~AccountStore() = default;
    /// Inserts the account with its grants; kConflict ("login_taken") when the login exists.
    virtual Outcome<std::int64_t> Insert(const domain::Account& account) = 0;
    virtual Outcome<std::optional<domain::Account>> FindById(std::int64_t id) = 0;
    virtual Outcome<std::optional<domain::Account>> FindByLogin(const std::string& login) = 0;
    virtual Outcome<std::vector<domain::Account>> List(const AccountFilter& filter) = 0;
    /// Sets the password; `one_time`: set by someone else, to be replaced at the next sign-in.
    virtual Outcome<Done> SetPasswordHash(std::int64_t id, const std::string& hash,
                                          const std::string& at, bool one_time) = 0;
    virtual Outcome<Done> SetDisabled(std::int64_t id, bool disabled) = 0;
    virtual Outcome<Done> SetGrants(std::int64_t id,
                                    const std::vector<domain::RoleGrant>& grants) = 0;
};

struct Session {
    std::string token_hash;
    std::int64_t account_id = 0;
    std::string kind;  // "cookie" or "bearer".
    std::string csrf_hash;
    std::string created_at;
    std::string expires_at;
    std::string revoked_at;
    std::string remote_address;
};

class SessionStore {
public:
    virtual ~SessionStore() = default;
    virtual Outcome<Done> Insert(const Session& session) = 0;
    virtual Outcome<std::optional<Session>> Find(const std::string& token_hash) = 0;
    virtual Outcome<Done> Revoke(const std::string& token_hash, const std::string& at) = 0;
    /// Revokes every open session of an account (password change, disable), except the one
    /// whose hash is `except_token_hash` (empty: none is kept).
    virtual Outcome<Done> RevokeAllFor(std::int64_t account_id, const std::string& at,
                                       const std::string& except_token_hash) = 0;
};

}  // namespace motcua::storage
