// The API's JSON shapes of a dossier: the full view for its applicant and officers (an explicit
// list of the dossier's fields in Vietnam time, except the owner's account id, with names, due
// state and the caller's allowed actions), the public lookup
// view (no personal details of officers, the applicant's name masked), and events.
#pragma once

#include <boost/json.hpp>

#include "services/catalog/catalog_snapshot.hpp"
#include "services/dossiers/dossier_service.hpp"

namespace motcua::api::json {

boost::json::object DossierViewToJson(const services::CatalogSnapshot& snapshot,
                                      const services::DossierView& view);
boost::json::object PublicDossierToJson(const services::CatalogSnapshot& snapshot,
                                        const services::DossierView& view);
boost::json::object DossierEventJson(const domain::DossierEvent& event);
const char* DueStateName(domain::calendar::DueState state);

}  // namespace motcua::api::json
