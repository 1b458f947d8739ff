// The audit log, written once for both backends. Records appended in a transaction are held
// and chained (domain::ChainAuditRecords) in one step just before the transaction commits
// (BeforeCommit), so that the chain's head row is locked only through that step and the commit;
// a read of the log inside the transaction writes them first, so that it sees them.
#pragma once

#include <string>
#include <vector>

#include "storage/audit_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlAuditStore final : public AuditStore {
public:
    SqlAuditStore(Session& session, std::string key) : session_(session), key_(std::move(key)) {}
    /// Holds the record until BeforeCommit (or a read of the log).
    Outcome<Done> Append(domain::AuditRecord record) override;
    Outcome<std::vector<domain::AuditRecord>> Query(const AuditFilter& filter) override;
    Outcome<Done> Scan(const std::function<bool(const domain::AuditRecord&)>& visit) override;
    Outcome<std::pair<std::int64_t, std::string>> GetHead() override;

    /// Writes the held records onto the chain: takes its head (locked until the transaction
    /// ends), chains and inserts them in order, and moves the head.
    Outcome<Done> BeforeCommit();
    /// Drops the held records (a rolled-back savepoint's).
    void DropHeld() { held_.clear(); }

private:
    void InsertChunk(std::size_t first, std::size_t end);

    Session& session_;
    std::string key_;
    std::vector<domain::AuditRecord> held_;
};

}  // namespace motcua::storage::sql
