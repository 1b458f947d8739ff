// DVCQG pulls: the pure parsing of what MotCua reads from the national portal (docs/dvcqg.md
// §3.4) — the national procedure catalogue, the agency list and the dossiers submitted on the
// portal — into the records of services/portal/national_portal.hpp. Rows the portal spoils (not an
// object, no key) are skipped and counted, never fatal: one bad row must not stop the others.
#pragma once

#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "services/portal/national_portal.hpp"

namespace motcua::connectors {

using services::PortalAgency;
using services::PortalCatalogue;
using services::PortalDossier;
using services::PortalDossierPage;
using services::PortalProcedure;

/// Parses a LayDanhSachTTHC answer. Fails (kUnavailable) when it is not a success answer with a
/// `result` array. Never throws.
Outcome<std::vector<PortalProcedure>> ParsePortalProcedures(std::string_view body, int& skipped);
/// Parses a LayDanhMucCoQuan answer, like ParsePortalProcedures.
Outcome<std::vector<PortalAgency>> ParsePortalAgencies(std::string_view body, int& skipped);
/// Parses a LayDanhSachHoSoDVC answer, like ParsePortalProcedures.
Outcome<PortalDossierPage> ParsePortalDossiers(std::string_view body);

}  // namespace motcua::connectors
