// The PostgreSQL implementations of the transaction stores (accounts, sessions, audit log) and
// PgTransaction, which hands every store the libpqxx transaction of one Database::Write or Read.
#pragma once

#include <string>
#include <vector>

#include "storage/account_store.hpp"
#include "storage/audit_store.hpp"
#include "storage/postgres/pg_calendar_store.hpp"
#include "storage/postgres/pg_catalog_repository.hpp"
#include "storage/postgres/pg_dossier_store.hpp"
#include "storage/postgres/pg_indicator_store.hpp"
#include "storage/transaction.hpp"

namespace pqxx {
class transaction_base;
}

namespace motcua::storage::postgres {

class PgAccountStore final : public AccountStore {
public:
    explicit PgAccountStore(pqxx::transaction_base& transaction) : transaction_(transaction) {}
    Outcome<std::int64_t> Insert(const domain::Account& account) override;
    Outcome<std::optional<domain::Account>> FindById(std::int64_t id) override;
    Outcome<std::optional<domain::Account>> FindByLogin(const std::string& login) override;
    Outcome<std::vector<domain::Account>> List(const AccountFilter& filter) override;
    Outcome<Done> SetPasswordHash(std::int64_t id, const std::string& hash,
                                  const std::string& at) override;
    Outcome<Done> SetDisabled(std::int64_t id, bool disabled) override;
    Outcome<Done> SetGrants(std::int64_t id, const std::vector<domain::RoleGrant>& grants) override;

private:
    Outcome<std::optional<domain::Account>> FindOne(const std::string& where,
                                                    const std::string& value);
    void LoadGrants(domain::Account& account);
    pqxx::transaction_base& transaction_;
};

class PgSessionStore final : public SessionStore {
public:
    explicit PgSessionStore(pqxx::transaction_base& transaction) : transaction_(transaction) {}
    Outcome<Done> Insert(const Session& session) override;
    Outcome<std::optional<Session>> Find(const std::string& token_hash) override;
    Outcome<Done> Revoke(const std::string& token_hash, const std::string& at) override;
    Outcome<Done> RevokeAllFor(std::int64_t account_id, const std::string& at,
                               const std::string& except_token_hash) override;

private:
    pqxx::transaction_base& transaction_;
};

/// The audit log: an append locks the head row (SELECT … FOR UPDATE) until its transaction
/// ends, so appends from every connection and process form one linear chain.
class PgAuditStore final : public AuditStore {
public:
    PgAuditStore(pqxx::transaction_base& transaction, std::string key, bool writable)
        : transaction_(transaction), key_(std::move(key)), writable_(writable) {}
    /// Holds the record until Flush (the transaction's end, or a read of the log).
    Outcome<Done> Append(domain::AuditRecord record) override;
    Outcome<std::vector<domain::AuditRecord>> Query(const AuditFilter& filter) override;
    Outcome<Done> Scan(const std::function<bool(const domain::AuditRecord&)>& visit) override;
    Outcome<std::pair<std::int64_t, std::string>> GetHead() override;

    /// Writes the held records onto the chain: locks its head (held until commit), chains and
    /// inserts them in order. Called last before the commit, so that the head stays locked only
    /// through the commit.
    Outcome<Done> Flush();
    /// Drops the held records (a rolled-back savepoint's: it flushes those from before).
    void DropHeld() { held_.clear(); }

private:
    pqxx::transaction_base& transaction_;
    std::string key_;
    bool writable_;
    std::vector<domain::AuditRecord> held_;
};

/// The stores of one transaction: every store works on that libpqxx transaction.
class PgTransaction final : public Transaction {
public:
    /// `writable`: a Database::Write (rows read to be changed are locked), not a Read.
    PgTransaction(pqxx::transaction_base& transaction, const std::string& audit_key, bool writable)
        : transaction_(transaction),
          accounts_(transaction),
          sessions_(transaction),
          audit_(transaction, audit_key, writable),
          catalog_(transaction),
          dossiers_(transaction, writable),
          calendar_(transaction),
          indicators_(transaction) {}
    AccountStore& Accounts() override { return accounts_; }
    SessionStore& Sessions() override { return sessions_; }
    AuditStore& Audit() override { return audit_; }
    CatalogStore& Catalog() override { return catalog_; }
    DossierStore& Dossiers() override { return dossiers_; }
    CalendarStore& Calendar() override { return calendar_; }
    IndicatorStore& Indicators() override { return indicators_; }
    /// Runs `work` inside a SAVEPOINT; rolls back to it when `work` fails or throws.
    Outcome<Done> Isolated(const std::function<Outcome<Done>()>& work) override;
    /// The last step of a writing transaction before its commit: the held audit records.
    Outcome<Done> Finish() { return audit_.Flush(); }

private:
    pqxx::transaction_base& transaction_;
    int savepoints_ = 0;  // Names nested savepoints apart.
    PgAccountStore accounts_;
    PgSessionStore sessions_;
    PgAuditStore audit_;
    PgCatalogStore catalog_;
    PgDossierStore dossiers_;
    PgCalendarStore calendar_;
    PgIndicatorStore indicators_;
};

}  // namespace motcua::storage::postgres
