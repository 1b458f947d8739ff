// CatalogReader: the catalogue's reads (CatalogRepository), each in its own read transaction
// of the database, whatever its backend.
#pragma once

#include "storage/database.hpp"

namespace motcua::storage {

class CatalogReader final : public CatalogRepository {
public:
    explicit CatalogReader(Database& database) : database_(database) {}
    Outcome<std::vector<domain::Agency>> LoadAgencies() const override;
    Outcome<std::vector<domain::Field>> LoadFields() const override;
    Outcome<std::vector<domain::Procedure>> LoadProcedures() const override;
    Outcome<std::int64_t> GetCatalogRevision() const override;

private:
    Database& database_;
};

}  // namespace motcua::storage
