// What the simulated portal received: each dossier's last header, how often it was created and
// updated, its steps in arrival order, the checks on their order, the idempotency keys applied,
// the dossiers "submitted on the portal" for the pulls, and the counters the tests compare.
// One mutex guards it all; every method is one short critical section.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "simulators/common/counters.hpp"
#include "simulators/common/sim_state.hpp"

namespace motcua::sim::dvcqg {

/// The services of docs/dvcqg.md §3.
inline constexpr std::array<std::string_view, 5> kServiceNames = {
    "DongBoHoSoMC", "CapNhatTienDoHoSoMC", "LayDanhSachTTHC", "LayDanhMucCoQuan",
    "LayDanhSachHoSoDVC"};

/// The counters (README.md "Counters"); every name is present in the JSON, 0 until counted.
namespace counter {
inline constexpr std::string_view kRequests = "requests";  ///< /auth and /api calls received.
inline constexpr std::string_view kAuth = "auth";          ///< /auth calls answered.
inline constexpr std::string_view kAuthFailed = "auth_failed";
inline constexpr std::string_view kSessionErrors = "session_errors";  ///< "-9" answered.
inline constexpr std::string_view kUnitErrors = "unit_errors";        ///< "403" answered.
inline constexpr std::string_view kInvalid = "invalid";               ///< "400" or 413 answered.
inline constexpr std::string_view kTooLarge = "too_large";            ///< 413 answered.
inline constexpr std::string_view kDuplicates = "duplicates";         ///< Keys answered again.
inline constexpr std::string_view kUnkeyed = "unkeyed";               ///< Pushes without a key.
inline constexpr std::string_view kCreates = "creates";
inline constexpr std::string_view kUpdates = "updates";
inline constexpr std::string_view kSteps = "steps";
inline constexpr std::string_view kExists = "exists";                   ///< "-1" answered.
inline constexpr std::string_view kUnknownDossier = "unknown_dossier";  ///< "-2" answered.
inline constexpr std::string_view kStepsBeforeCreate = "steps_before_create";
inline constexpr std::string_view kOutOfOrder = "out_of_order";
inline constexpr std::string_view kDownRefused = "down_refused";  ///< 503 answered.
inline constexpr std::array<std::string_view, 17> kAll = {
    kRequests, kAuth,           kAuthFailed,        kSessionErrors, kUnitErrors, kInvalid,
    kTooLarge, kDuplicates,     kUnkeyed,           kCreates,       kUpdates,    kSteps,
    kExists,   kUnknownDossier, kStepsBeforeCreate, kOutOfOrder,    kDownRefused};
}  // namespace counter

/// A service's answer in the portal's terms ({"error_code", "message"}).
struct PortalAnswer {
    std::string error_code;
    std::string message;
};

class PortalState final : public SimState {
public:
    PortalState();

    void CountService(std::string_view service);

    /// DongBoHoSoMC: creates (or, `is_updating`, updates) every dossier of `dossiers`, or none.
    /// A `key` already applied is answered as the first time, without applying it again.
    PortalAnswer PushDossiers(const std::optional<std::string>& key, bool is_updating,
                              std::vector<boost::json::object> dossiers);
    /// CapNhatTienDoHoSoMC: appends every step of `steps` to its dossier, or none.
    PortalAnswer PushSteps(const std::optional<std::string>& key,
                           std::vector<boost::json::object> steps);

    /// Adds dossiers submitted on the portal, numbered on from the last; returns the total.
    std::size_t AddPortalDossiers(std::vector<boost::json::object> dossiers);
    /// The portal dossiers numbered after `after`, at most `limit`.
    boost::json::array PortalDossiersAfter(std::int64_t after, std::size_t limit) const;

    /// GET /_sim/state: {"dossiers": {…}, "orphan_steps": {…}, "portal_dossiers": […],
    /// "counters": {…}}.
    boost::json::object StateJson() const override;
    /// GET /_sim/summary: {"counters": {…}, "dossiers": n, "steps": n, "portal_dossiers": n}.
    boost::json::object SummaryJson() const;
    /// Forgets everything received and zeroes the counters.
    void Reset() override;

private:
    struct Dossier {
        boost::json::object header;
        std::uint64_t creates = 0;
        std::uint64_t updates = 0;
        std::vector<boost::json::object> steps;
        std::int64_t highest_step = 0;
        std::uint64_t out_of_order = 0;
        std::uint64_t steps_before_create = 0;
    };
    std::optional<PortalAnswer> ReplayLocked(const std::optional<std::string>& key);
    void RememberLocked(const std::optional<std::string>& key, const PortalAnswer& answer);
    boost::json::object CountersJsonLocked() const;

    std::map<std::string, Dossier, std::less<>> dossiers_;
    std::map<std::string, std::uint64_t, std::less<>> orphan_steps_;  // -2 answered, by MaHoSo
    std::unordered_map<std::string, PortalAnswer> applied_keys_;
    std::vector<boost::json::object> portal_dossiers_;
    std::uint64_t total_steps_ = 0;
    CounterMap by_service_;
};

}  // namespace motcua::sim::dvcqg
