// The catalogue (agencies, fields, procedures) stored in SQLite. Records are kept as their
// canonical JSON document (interchange/catalog_json) plus the columns that queries filter on.
#pragma once

#include "storage/catalog_repository.hpp"

namespace motcua::storage::sqlite {

class SqliteDatabase;

class SqliteConnection;

/// Catalogue writes on the connection of a write transaction.
class SqliteCatalogStore final : public CatalogStore {
public:
    explicit SqliteCatalogStore(SqliteConnection& connection) : connection_(connection) {}
    Outcome<ImportSummary> UpsertAgencies(const std::vector<domain::Agency>& agencies) override;
    Outcome<ImportSummary> UpsertProcedures(
        const std::vector<domain::Field>& fields,
        const std::vector<domain::Procedure>& procedures) override;

private:
    SqliteConnection& connection_;
};

class SqliteCatalogRepository final : public CatalogRepository {
public:
    explicit SqliteCatalogRepository(SqliteDatabase& database) : database_(database) {}

    Outcome<std::vector<domain::Agency>> LoadAgencies() const override;
    Outcome<std::vector<domain::Field>> LoadFields() const override;
    Outcome<std::vector<domain::Procedure>> LoadProcedures() const override;
    Outcome<std::int64_t> GetCatalogRevision() const override;

private:
    SqliteDatabase& database_;
};

}  // namespace motcua::storage::sqlite
