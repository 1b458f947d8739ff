// The catalogue (agencies, fields, procedures) in PostgreSQL: each record's canonical JSON
// document (interchange/catalog_json) plus the columns that queries filter on, as in SQLite.
#pragma once

#include "storage/catalog_repository.hpp"

namespace pqxx {
class transaction_base;
}

namespace motcua::storage::postgres {

class PgDatabase;

/// Catalogue writes on the libpqxx transaction of a Database::Write.
class PgCatalogStore final : public CatalogStore {
public:
    explicit PgCatalogStore(pqxx::transaction_base& transaction) : transaction_(transaction) {}
    Outcome<ImportSummary> UpsertAgencies(const std::vector<domain::Agency>& agencies) override;
    Outcome<ImportSummary> UpsertProcedures(
        const std::vector<domain::Field>& fields,
        const std::vector<domain::Procedure>& procedures) override;

private:
    pqxx::transaction_base& transaction_;
};

/// Catalogue reads, each in its own read-only snapshot.
class PgCatalogRepository final : public CatalogRepository {
public:
    explicit PgCatalogRepository(PgDatabase& database) : database_(database) {}

    Outcome<std::vector<domain::Agency>> LoadAgencies() const override;
    Outcome<std::vector<domain::Field>> LoadFields() const override;
    Outcome<std::vector<domain::Procedure>> LoadProcedures() const override;
    Outcome<std::int64_t> GetCatalogRevision() const override;

private:
    PgDatabase& database_;
};

}  // namespace motcua::storage::postgres
