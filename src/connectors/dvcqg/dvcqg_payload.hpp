// DVCQG payload: the pure mapping from one outbox item — the dossier as it stands, the event, the
// catalogue — to what MotCua sends the national portal (docs/dvcqg.md §2–3): which calls an event
// makes (§3.3) and the JSON body of each (the dossier header of §3.1, the step of §3.2, the
// sign-in and the pulls). No I/O: the connector adds the session and sends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "common/clock.hpp"
#include "domain/dossier/dossier.hpp"
#include "services/catalog/catalog_snapshot.hpp"
#include "services/outbox/connector.hpp"

namespace motcua::connectors {

/// The portal's paths (docs/dvcqg.md §2–3).
inline constexpr std::string_view kDvcqgAuthTarget = "/auth";
inline constexpr std::string_view kDvcqgApiTarget = "/api";
/// The portal's service names (docs/dvcqg.md §3).
inline constexpr std::string_view kDvcqgPushDossier = "DongBoHoSoMC";
inline constexpr std::string_view kDvcqgPushStep = "CapNhatTienDoHoSoMC";
inline constexpr std::string_view kDvcqgListProcedures = "LayDanhSachTTHC";
inline constexpr std::string_view kDvcqgListAgencies = "LayDanhMucCoQuan";
inline constexpr std::string_view kDvcqgListPortalDossiers = "LayDanhSachHoSoDVC";

/// One call of docs/dvcqg.md §3.3.
enum class DvcqgCall {
    kCreateDossier,  // DongBoHoSoMC with isUpdating false (repeated as an update if it exists).
    kUpdateDossier,  // DongBoHoSoMC with isUpdating true.
    kPushStep,       // CapNhatTienDoHoSoMC.
};

/// Returns the calls an event makes, in order (docs/dvcqg.md §3.3): create then step for a
/// dossier's first delivered event, step then update for a later event that changes the status,
/// a due date or a 766 flag, the step alone for attach, rate and feedback; none for sync_ack.
std::vector<DvcqgCall> PlanDvcqgCalls(domain::DossierAction action, bool first_of_dossier);

/// Formats `instant` as yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+7), to the second.
std::string FormatPortalTime(Instant instant);
/// Parses yyyyMMddHHmmss in Asia/Ho_Chi_Minh; nullopt unless 14 digits of a valid date-time.
std::optional<Instant> ParsePortalTime(std::string_view text);

/// The `<dossier>` of docs/dvcqg.md §3.1 (dates absent while unknown).
boost::json::object DossierRecord(const domain::Dossier& dossier,
                                  const services::CatalogSnapshot& catalog);
/// The `<step>` of docs/dvcqg.md §3.2 for `event`.
boost::json::object StepRecord(const domain::Dossier& dossier, const domain::DossierEvent& event);

/// What every service call carries besides its own fields (docs/dvcqg.md §2).
struct DvcqgEnvelope {
    std::string session;
    std::string unit_code;  // madonvi.
};

/// `{"service": service, "session": …, "madonvi": …}`, to which a call adds its fields.
boost::json::object ServiceBody(std::string_view service, const DvcqgEnvelope& envelope);
/// DongBoHoSoMC with the item's dossier (§3.1).
boost::json::object PushDossierBody(const services::OutboxItem& item, bool is_updating,
                                    const DvcqgEnvelope& envelope);
/// CapNhatTienDoHoSoMC with the item's event (§3.2).
boost::json::object PushStepBody(const services::OutboxItem& item, const DvcqgEnvelope& envelope);
/// LayDanhSachHoSoDVC from sequence number `after_seq` (§3.4).
boost::json::object ListPortalDossiersBody(std::int64_t after_seq, const DvcqgEnvelope& envelope);
/// The sign-in body (§2).
boost::json::object AuthBody(std::string_view username, std::string_view password);

}  // namespace motcua::connectors
