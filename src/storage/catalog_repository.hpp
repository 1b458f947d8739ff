// The reference data — the agency tree, the fields and the procedure catalogue with its version
// history. Writes are upserts keyed by code inside a transaction (CatalogStore); every change
// bumps the catalogue revision so that readers (CatalogRepository) can refresh.
#pragma once

#include <cstdint>
#include <vector>

#include "common/outcome.hpp"
#include "domain/catalog/agency.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::storage {

/// What an import changed.
struct ImportSummary {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

/// The catalogue inside a Transaction (storage/transaction.hpp): its writes and reads.
class CatalogStore {
public:
    virtual ~CatalogStore() = default;
    virtual Outcome<std::vector<domain::Agency>> LoadAgencies() = 0;
    virtual Outcome<std::vector<domain::Field>> LoadFields() = 0;
    /// Returns the current version of every procedure.
    virtual Outcome<std::vector<domain::Procedure>> LoadProcedures() = 0;
    virtual Outcome<std::int64_t> GetCatalogRevision() = 0;
    /// Inserts or updates agencies by code.
    virtual Outcome<ImportSummary> UpsertAgencies(const std::vector<domain::Agency>& agencies) = 0;
    /// Inserts or updates fields and procedures; a changed procedure keeps its previous content
    /// as a version row.
    virtual Outcome<ImportSummary> UpsertProcedures(
        const std::vector<domain::Field>& fields,
        const std::vector<domain::Procedure>& procedures) = 0;
};

/// Catalogue reads, each in its own snapshot.
class CatalogRepository {
public:
    virtual ~CatalogRepository() = default;

    virtual Outcome<std::vector<domain::Agency>> LoadAgencies() const = 0;
    virtual Outcome<std::vector<domain::Field>> LoadFields() const = 0;
    /// Returns the current version of every procedure.
    virtual Outcome<std::vector<domain::Procedure>> LoadProcedures() const = 0;
    /// Returns a number that grows whenever the catalogue changes.
    virtual Outcome<std::int64_t> GetCatalogRevision() const = 0;
};

}  // namespace motcua::storage
