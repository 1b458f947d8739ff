// The API's JSON shapes for the catalogue (documented in docs/api/openapi.json): the canonical
// record documents enriched with the names a client needs to display them without extra calls.
#pragma once

#include <boost/json.hpp>

#include "services/catalog/catalog_snapshot.hpp"

namespace motcua::api::json {

boost::json::object ProcedureSummary(const services::CatalogSnapshot& snapshot,
                                     const domain::Procedure& procedure);
boost::json::object ProcedureDetail(const services::CatalogSnapshot& snapshot,
                                    const domain::Procedure& procedure);
boost::json::object AgencySummary(const services::CatalogSnapshot& snapshot, std::size_t position);
boost::json::object AgencyDetail(const services::CatalogSnapshot& snapshot, std::size_t position);
/// Returns the subtree under `position` as nested summaries with "children".
boost::json::object AgencyTree(const services::CatalogSnapshot& snapshot, std::size_t position);

}  // namespace motcua::api::json
