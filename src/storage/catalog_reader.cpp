#include "storage/catalog_reader.hpp"

namespace motcua::storage {
namespace {

// Runs `load` on the catalogue store of a read transaction and returns what it returned.
template <typename T>
Outcome<T> ReadCatalog(Database& database, Outcome<T> (CatalogStore::*load)()) {
    std::optional<T> value;
    MOTCUA_RETURN_IF_ERROR(database.Read([&](Transaction& transaction) -> Outcome<Done> {
        auto loaded = (transaction.Catalog().*load)();
        if (!loaded) {
            return loaded.GetError();
        }
        value = std::move(loaded).Value();
        return Done{};
    }));
    return std::move(*value);  // NOLINT(bugprone-unchecked-optional-access): set on success.
}

}  // namespace

Outcome<std::vector<domain::Agency>> CatalogReader::LoadAgencies() const {
    return ReadCatalog(database_, &CatalogStore::LoadAgencies);
}

Outcome<std::vector<domain::Field>> CatalogReader::LoadFields() const {
    return ReadCatalog(database_, &CatalogStore::LoadFields);
}

Outcome<std::vector<domain::Procedure>> CatalogReader::LoadProcedures() const {
    return ReadCatalog(database_, &CatalogStore::LoadProcedures);
}

Outcome<std::int64_t> CatalogReader::GetCatalogRevision() const {
    return ReadCatalog(database_, &CatalogStore::GetCatalogRevision);
}

}  // namespace motcua::storage
