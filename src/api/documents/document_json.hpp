// JSON of the data store's documents (the StoredDocument schema of docs/api/openapi.json).
#pragma once

#include <boost/json/object.hpp>

#include "services/catalog/catalog_snapshot.hpp"
#include "services/documents/data_store.hpp"

namespace motcua::api::documents {

boost::json::object DocumentToJson(const services::StoredDocumentView& view,
                                   const services::CatalogSnapshot& snapshot);
boost::json::object DetailToJson(const services::StoredDocumentDetail& detail,
                                 const services::CatalogSnapshot& snapshot);

}  // namespace motcua::api::documents
