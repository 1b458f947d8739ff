// The portal's records as the JSON kept in a review item (storage/portal_inbox_store.hpp) and
// shown to the administrator: the portal's own field names (docs/dvcqg.md §3.4), so that what
// is reviewed is what the portal sent.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "services/portal/national_portal.hpp"

namespace motcua::services {

/// The text of a record's field `key` ("" when absent).
using PortalFieldText = std::function<std::string(std::string_view key)>;
/// Reads what the portal's dossier record and its stored copy share — MaHoSoQG, MaTTHC,
/// MaCoQuanTiepNhan and the applicant's fields (LoaiDoiTuong 2: organisation) — into `dossier`.
void ReadPortalDossierFields(const PortalFieldText& text, PortalDossier& dossier);

std::string PortalDossierJson(const PortalDossier& dossier);
/// Reads back what PortalDossierJson wrote; nullopt when `text` is not such a record.
std::optional<PortalDossier> ParsePortalDossierJson(std::string_view text);
std::string PortalProcedureJson(const PortalProcedure& procedure);
std::string PortalAgencyJson(const PortalAgency& agency);

}  // namespace motcua::services
