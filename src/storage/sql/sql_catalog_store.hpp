// The catalogue (agencies, fields, procedures), written once for both backends. Records are
// kept as their canonical JSON document (interchange/catalog_json) plus the columns that
// queries filter on.
#pragma once

#include "storage/catalog_repository.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlCatalogStore final : public CatalogStore {
public:
    explicit SqlCatalogStore(Session& session) : session_(session) {}
    Outcome<std::vector<domain::Agency>> LoadAgencies() override;
    Outcome<std::vector<domain::Field>> LoadFields() override;
    Outcome<std::vector<domain::Procedure>> LoadProcedures() override;
    Outcome<std::int64_t> GetCatalogRevision() override;
    Outcome<ImportSummary> UpsertAgencies(const std::vector<domain::Agency>& agencies) override;
    Outcome<ImportSummary> UpsertProcedures(
        const std::vector<domain::Field>& fields,
        const std::vector<domain::Procedure>& procedures) override;

private:
    Session& session_;
};

}  // namespace motcua::storage::sql
