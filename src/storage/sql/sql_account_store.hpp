// The account and session stores, written once on sql::Session for both backends.
#pragma once

#include "storage/account_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlAccountStore final : public AccountStore {
public:
    explicit SqlAccountStore(Session& session) : session_(session) {}
    Outcome<std::int64_t> Insert(const domain::Account& account) override;
    Outcome<std::optional<domain::Account>> FindById(std::int64_t id) override;
    Outcome<std::optional<domain::Account>> FindByLogin(const std::string& login) override;
    Outcome<std::vector<domain::Account>> List(const AccountFilter& filter) override;
    Outcome<Done> SetPasswordHash(std::int64_t id, const std::string& hash, const std::string& at,
                                  bool one_time) override;
    Outcome<Done> SetDisabled(std::int64_t id, bool disabled) override;
    Outcome<Done> SetGrants(std::int64_t id, const std::vector<domain::RoleGrant>& grants) override;

private:
    Outcome<std::optional<domain::Account>> FindOne(Statement select);
    void LoadGrants(domain::Account& account);
    Session& session_;
};

class SqlSessionStore final : public SessionStore {
public:
    explicit SqlSessionStore(Session& session) : session_(session) {}
    Outcome<Done> Insert(const storage::Session& record) override;
    Outcome<std::optional<storage::Session>> Find(const std::string& token_hash) override;
    Outcome<Done> Revoke(const std::string& token_hash, const std::string& at) override;
    Outcome<Done> RevokeAllFor(std::int64_t account_id, const std::string& at,
                               const std::string& except_token_hash) override;

private:
    Session& session_;
};

}  // namespace motcua::storage::sql
