// CatalogRepository: where the reference data lives — the agency tree, the fields and the
// procedure catalogue with its version history. Writes are upserts keyed by code, applied
// atomically per import; every change bumps the catalogue revision so readers can refresh.
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

class CatalogRepository {
public:
    virtual ~CatalogRepository() = default;

    /// Inserts or updates agencies by code in one transaction; durable when it returns.
    virtual Outcome<ImportSummary> UpsertAgencies(const std::vector<domain::Agency>& agencies) = 0;
    /// Inserts or updates fields and procedures in one transaction; a changed procedure keeps
    /// its previous content as a version row.
    virtual Outcome<ImportSummary> UpsertProcedures(
        const std::vector<domain::Field>& fields,
        const std::vector<domain::Procedure>& procedures) = 0;

    virtual Outcome<std::vector<domain::Agency>> LoadAgencies() const = 0;
    virtual Outcome<std::vector<domain::Field>> LoadFields() const = 0;
    /// Returns the current version of every procedure.
    virtual Outcome<std::vector<domain::Procedure>> LoadProcedures() const = 0;
    /// Returns a number that grows whenever the catalogue changes.
    virtual Outcome<std::int64_t> GetCatalogRevision() const = 0;
};

}  // namespace motcua::storage
