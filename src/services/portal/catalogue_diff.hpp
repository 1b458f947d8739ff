// The national catalogue against the province's (docs/dvcqg.md §3.5): which procedures and
// agencies the portal lists that the province lacks ("new") or holds differently ("changed").
// Pure; the intake queues what it returns for review, never applying it.
#pragma once

#include <string>
#include <vector>

#include "services/catalog/catalog_snapshot.hpp"
#include "services/portal/national_portal.hpp"

namespace motcua::services {

/// One difference: the review item's kind ("procedure", "agency"), national code, change
/// ("new", "changed"), the portal's record as JSON and what differs (English, for operators).
struct CatalogueDifference {
    std::string kind;
    std::string code;
    std::string change;
    std::string payload_json;
    std::string reason;
};

/// Finds the local procedure the national `code` names: the local code itself, else the one
/// procedure whose national code it is (the first in code order when several are).
const domain::Procedure* FindByNationalCode(const CatalogSnapshot& snapshot,
                                            const std::string& code);

/// Compares `catalogue` with `snapshot`, in the catalogue's order.
std::vector<CatalogueDifference> DiffCatalogue(const CatalogSnapshot& snapshot,
                                               const PortalCatalogue& catalogue);

}  // namespace motcua::services
