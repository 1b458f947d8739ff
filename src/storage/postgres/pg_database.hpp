// PgDatabase: the PostgreSQL backend (production; docs/architecture.md §4). A small pool of
// connections; each Write is one PostgreSQL transaction (READ COMMITTED) that commits — durably,
// with the server's default synchronous_commit — when the work returns a value, and rolls back when
// it returns an error or throws. Reads run in a REPEATABLE READ READ ONLY transaction: one
// snapshot. Several server processes may share the database: what must be serialised across them
// (the audit chain, the daily code counters, migrations) is serialised by row or advisory locks.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace pqxx {
class transaction_base;
}

namespace motcua::storage::postgres {

struct PgOptions {
    /// libpq connection string: a postgresql:// URL or "key=value" words; what it leaves out
    /// comes from PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD.
    std::string conninfo;
    int pool_size = 8;
    std::string audit_key;  // 32 bytes keying the audit hash chain (kept outside the database).
    int audit_batch = 256;  // Most audit-only works (WriteAudit) committed together.
};

class PgDatabase final : public Database {
public:
    /// Connects once to check the server is reachable; throws std::exception if it is not.
    explicit PgDatabase(PgOptions options);
    ~PgDatabase() override;

    Outcome<MigrationReport> Migrate() override;
    CatalogRepository& Catalog() override;
    Outcome<Done> Write(const std::function<Outcome<Done>(Transaction&)>& work) override;
    Outcome<Done> Read(const std::function<Outcome<Done>(Transaction&)>& work) override;
    /// Queues `work` for the audit writer, which commits every queued audit-only work in one
    /// transaction (one wait for the chain's head row and one durable commit for all of them).
    Outcome<Done> WriteAudit(const std::function<Outcome<Done>(Transaction&)>& work) override;
    std::string Describe() const override;
    void Close() override;

    /// Runs `job` in a write transaction on a pooled connection; commits when it returns a value.
    Outcome<Done> RunWrite(const std::function<Outcome<Done>(pqxx::transaction_base&)>& job);
    /// Runs `job` in a read-only snapshot on a pooled connection.
    Outcome<Done> RunRead(const std::function<Outcome<Done>(pqxx::transaction_base&)>& job);
    template <typename T>
    Outcome<T> RunRead(const std::function<Outcome<T>(pqxx::transaction_base&)>& job);

private:
    struct Pool;
    class Lease;
    struct AuditJob;
    struct AuditQueue;
    void RunAuditWriter();
    /// Commits `jobs` in one transaction; when one of them fails, each runs on its own.
    void CommitAuditBatch(const std::vector<AuditJob*>& jobs);

    /// Takes a pooled connection into `lease` and begins `transaction` on it.
    template <typename Tx>
    void Begin(std::optional<Lease>& lease, std::optional<Tx>& transaction);

    PgOptions options_;
    std::unique_ptr<Pool> pool_;
    std::unique_ptr<AuditQueue> audit_queue_;
    std::unique_ptr<CatalogRepository> catalog_;
};

/// Returns `conninfo` without its password, for logs.
std::string RedactConninfo(const std::string& conninfo);

template <typename T>
Outcome<T> PgDatabase::RunRead(const std::function<Outcome<T>(pqxx::transaction_base&)>& job) {
    std::optional<T> value;
    auto done = RunRead([&](pqxx::transaction_base& transaction) -> Outcome<Done> {
        auto outcome = job(transaction);
        if (!outcome) {
            return outcome.GetError();
        }
        value = std::move(outcome).Value();
        return Done{};
    });
    if (!done) {
        return done.GetError();
    }
    return std::move(*value);
}

}  // namespace motcua::storage::postgres
