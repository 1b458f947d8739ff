// What the simulated witness holds: every anchor it was given, by source and seq, never changed
// once held, and the counters the tests compare. One mutex guards it all; every method is one
// short critical section.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "simulators/common/sim_state.hpp"

namespace motcua::sim::witness {

/// The counters (README.md "Control routes"); every name is present in the JSON, 0 until counted.
namespace counter {
inline constexpr std::string_view kRequests = "requests";    ///< Calls to a /v1/ route received.
inline constexpr std::string_view kRecorded = "recorded";    ///< 201 answered.
inline constexpr std::string_view kHeld = "held";            ///< 200 "held" answered (a retry).
inline constexpr std::string_view kConflicts = "conflicts";  ///< 409 answered.
inline constexpr std::string_view kInvalid = "invalid";      ///< 400 or 413 answered.
inline constexpr std::string_view kUnauthorized = "unauthorized";  ///< 401 answered.
inline constexpr std::string_view kDownRefused = "down_refused";   ///< 503 answered.
inline constexpr std::array<std::string_view, 7> kAll = {
    kRequests, kRecorded, kHeld, kConflicts, kInvalid, kUnauthorized, kDownRefused};
}  // namespace counter

/// One anchor as held.
struct HeldAnchor {
    std::int64_t seq = 0;
    std::string hash;
    std::string anchored_at;  ///< As the client sent it.
    std::string received_at;  ///< When the witness first received it.
};

/// What recording an anchor did.
enum class RecordResult {
    kRecorded,  ///< New: now held.
    kHeld,      ///< The same hash was held already (a retry); nothing changed.
    kConflict,  ///< Another hash is held for that seq; nothing changed.
};

struct RecordOutcome {
    RecordResult result = RecordResult::kRecorded;
    HeldAnchor held;  ///< The anchor held for the seq after the call.
};

/// A page of one source's anchors.
struct AnchorPage {
    std::vector<HeldAnchor> anchors;
    bool more = false;  ///< Others follow the last of `anchors`.
};

class WitnessState final : public SimState {
public:
    WitnessState();

    /// Holds `anchor` for `source` unless that seq is held already; counts recorded, held or
    /// conflicts.
    RecordOutcome Record(const std::string& source, HeldAnchor anchor);
    /// The anchors of `source` with seq above `after_seq`, ascending, at most `limit`.
    AnchorPage List(std::string_view source, std::int64_t after_seq, std::size_t limit) const;

    /// GET /_sim/state: {"anchors": {"<source>": [{seq, hash, anchored_at, received_at}, …]},
    /// "counters": {…, "faults": {…}}}.
    boost::json::object StateJson() const override;
    /// Forgets every anchor and zeroes the counters.
    void Reset() override;

private:
    using SourceAnchors = std::map<std::int64_t, HeldAnchor>;

    std::map<std::string, SourceAnchors, std::less<>> anchors_;
};

/// An anchor as the list and state routes show it: {seq, hash, anchored_at, received_at}.
boost::json::object AnchorJson(const HeldAnchor& anchor);

}  // namespace motcua::sim::witness
