// The SQLite implementations of the transaction stores (accounts, sessions, audit log), each
// bound to the connection of the transaction it serves.
#pragma once

#include <string>

#include "storage/account_store.hpp"
#include "storage/audit_store.hpp"
#include "storage/sqlite/sqlite_calendar_store.hpp"
#include "storage/sqlite/sqlite_catalog_repository.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_dossier_store.hpp"
#include "storage/sqlite/sqlite_indicator_store.hpp"
#include "storage/transaction.hpp"

namespace motcua::storage::sqlite {

class SqliteAccountStore final : public AccountStore {
public:
    explicit SqliteAccountStore(SqliteConnection& connection) : connection_(connection) {}
    Outcome<std::int64_t> Insert(const domain::Account& account) override;
    Outcome<std::optional<domain::Account>> FindById(std::int64_t id) override;
    Outcome<std::optional<domain::Account>> FindByLogin(const std::string& login) override;
    Outcome<std::vector<domain::Account>> List(const AccountFilter& filter) override;
    Outcome<Done> SetPasswordHash(std::int64_t id, const std::string& hash,
                                  const std::string& at) override;
    Outcome<Done> SetDisabled(std::int64_t id, bool disabled) override;
    Outcome<Done> SetGrants(std::int64_t id, const std::vector<domain::RoleGrant>& grants) override;

private:
    void LoadGrants(domain::Account& account);
    SqliteConnection& connection_;
};

class SqliteSessionStore final : public SessionStore {
public:
    explicit SqliteSessionStore(SqliteConnection& connection) : connection_(connection) {}
    Outcome<Done> Insert(const Session& session) override;
    Outcome<std::optional<Session>> Find(const std::string& token_hash) override;
    Outcome<Done> Revoke(const std::string& token_hash, const std::string& at) override;
    Outcome<Done> RevokeAllFor(std::int64_t account_id, const std::string& at,
                               const std::string& except_token_hash) override;

private:
    SqliteConnection& connection_;
};

class SqliteAuditStore final : public AuditStore {
public:
    SqliteAuditStore(SqliteConnection& connection, std::string key)
        : connection_(connection), key_(std::move(key)) {}
    Outcome<Done> Append(domain::AuditRecord record) override;
    Outcome<std::vector<domain::AuditRecord>> Query(const AuditFilter& filter) override;
    Outcome<Done> Scan(const std::function<bool(const domain::AuditRecord&)>& visit) override;
    Outcome<std::pair<std::int64_t, std::string>> GetHead() override;

private:
    SqliteConnection& connection_;
    std::string key_;
};

/// A transaction over one connection: every store works on that connection.
class SqliteTransaction final : public Transaction {
public:
    SqliteTransaction(SqliteConnection& connection, const std::string& audit_key)
        : connection_(connection),
          accounts_(connection),
          sessions_(connection),
          audit_(connection, audit_key),
          catalog_(connection),
          dossiers_(connection),
          calendar_(connection),
          indicators_(connection) {}
    AccountStore& Accounts() override { return accounts_; }
    SessionStore& Sessions() override { return sessions_; }
    AuditStore& Audit() override { return audit_; }
    CatalogStore& Catalog() override { return catalog_; }
    DossierStore& Dossiers() override { return dossiers_; }
    CalendarStore& Calendar() override { return calendar_; }
    IndicatorStore& Indicators() override { return indicators_; }
    Outcome<Done> Isolated(const std::function<Outcome<Done>()>& work) override;

private:
    SqliteConnection& connection_;
    SqliteAccountStore accounts_;
    SqliteSessionStore sessions_;
    SqliteAuditStore audit_;
    SqliteCatalogStore catalog_;
    SqliteDossierStore dossiers_;
    SqliteCalendarStore calendar_;
    SqliteIndicatorStore indicators_;
};

}  // namespace motcua::storage::sqlite
