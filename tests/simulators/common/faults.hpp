// The fault plan: with probability `rate`, a call to a simulated service (not to the control
// routes) suffers one of the enabled kinds, chosen uniformly. The draws come from one generator
// seeded by `seed`, so a run with the same seed and the same order of requests suffers the same
// faults. What each kind does to an answer is fault_reply.hpp's.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

namespace motcua::sim {

/// What goes wrong with one call (the "Faults" of each simulator's README.md).
enum class FaultKind {
    kTimeout,      ///< Hold the answer for timeout_ms, then close without answering; not applied.
    kHttp500,      ///< Answer 500; not applied.
    kDropAck,      ///< Apply, then close without answering.
    kSlow,         ///< Apply, answer after slow_ms.
    kInvalidJson,  ///< Answer 200 "{not json"; not applied.
    kHugeBody,     ///< Answer 200 with a 5 MiB JSON body; not applied.
    kWrongTypes,   ///< Answer 200 with the expected fields of the wrong types; not applied.
    kClose,        ///< Close at once without answering; not applied.
};

inline constexpr std::array kAllFaultKinds = {
    FaultKind::kTimeout,     FaultKind::kHttp500,  FaultKind::kDropAck,    FaultKind::kSlow,
    FaultKind::kInvalidJson, FaultKind::kHugeBody, FaultKind::kWrongTypes, FaultKind::kClose};

/// The name used in flags, control routes and counters ("timeout", "http_500", …).
std::string_view FaultName(FaultKind kind);
/// The kind of a name, if it is one.
std::optional<FaultKind> ParseFaultKind(std::string_view name);

struct FaultPlan {
    double rate = 0.0;  ///< 0 (never) … 1 (every call).
    std::vector<FaultKind> kinds{kAllFaultKinds.begin(), kAllFaultKinds.end()};
    int slow_ms = 300;
    int timeout_ms = 5000;
    std::uint64_t seed = 1;
};

/// The plan as JSON ({"rate", "kinds", "slow_ms", "timeout_ms", "seed"}).
boost::json::object PlanToJson(const FaultPlan& plan);
/// `current` with the fields `update` has; an error message naming the first bad field otherwise.
std::optional<std::string> MergePlan(const boost::json::object& update, FaultPlan& current);
/// Parses the --faults flag ("timeout,http_500"); an error message otherwise.
std::optional<std::string> ParseKindList(std::string_view list, std::vector<FaultKind>& kinds);

/// Draws the faults; thread-safe.
class FaultInjector {
public:
    explicit FaultInjector(FaultPlan plan);
    /// Replaces the plan and restarts the generator from its seed.
    void SetPlan(FaultPlan plan);
    FaultPlan Plan() const;
    /// The fault of the next call, if it gets one.
    std::optional<FaultKind> Draw();

private:
    mutable std::mutex mutex_;
    FaultPlan plan_;
    std::mt19937_64 random_;
};

}  // namespace motcua::sim
