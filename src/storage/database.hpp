// Database: one storage backend (SQLite file or PostgreSQL server) with its repositories.
// Opened by the composition root from a URL (`sqlite:PATH`, `postgresql://…`); services see only
// the repository interfaces.
#pragma once

#include <functional>
#include <string>

#include "common/outcome.hpp"
#include "storage/catalog_repository.hpp"
#include "storage/transaction.hpp"

namespace motcua::storage {

/// Versions of the schema: how many migrations were applied now, and the newest version in place.
struct MigrationReport {
    int applied = 0;
    int current_version = 0;
    /// Returns true when this run moved the schema from below `version` to it or past it.
    bool Crossed(int version) const {
        return current_version >= version && current_version - applied < version;
    }
};

class Database {
public:
    virtual ~Database() = default;
    /// Applies the numbered migrations not yet applied, each in its own transaction.
    virtual Outcome<MigrationReport> Migrate() = 0;
    virtual CatalogRepository& Catalog() = 0;
    /// Runs `work` in a write transaction: committed (durably) when it returns a value,
    /// rolled back when it returns an error or throws.
    virtual Outcome<Done> Write(const std::function<Outcome<Done>(Transaction&)>& work) = 0;
    /// As Write, for work that only appends audit records — the record of a read or a refusal.
    /// The backend may commit many such works in one transaction (PostgreSQL: the audit chain's
    /// head is one locked row, so each commit of its own would wait for the one before).
    virtual Outcome<Done> WriteAudit(const std::function<Outcome<Done>(Transaction&)>& work) {
        return Write(work);
    }
    /// Runs `work` in a read-only snapshot.
    virtual Outcome<Done> Read(const std::function<Outcome<Done>(Transaction&)>& work) = 0;
    /// Returns a human description for logs ("sqlite:/var/lib/motcua/motcua.db").
    virtual std::string Describe() const = 0;
    /// Finishes queued writes and closes connections; later calls fail with kUnavailable.
    virtual void Close() = 0;
};

}  // namespace motcua::storage
