// The fault kinds' names, the plan's JSON and the draws (computed by hand from mt19937_64, so
// that a seed gives the same faults with any standard library).
#include "simulators/common/faults.hpp"

#include <boost/json.hpp>

namespace motcua::sim {

namespace json = boost::json;

std::string_view FaultName(FaultKind kind) {
    switch (kind) {
        case FaultKind::kTimeout:
            return "timeout";
        case FaultKind::kHttp500:
            return "http_500";
        case FaultKind::kDropAck:
            return "drop_ack";
        case FaultKind::kSlow:
            return "slow";
        case FaultKind::kInvalidJson:
            return "invalid_json";
        case FaultKind::kHugeBody:
            return "huge_body";
        case FaultKind::kWrongTypes:
            return "wrong_types";
        case FaultKind::kClose:
            return "close";
    }
    return "unknown";
}

std::optional<FaultKind> ParseFaultKind(std::string_view name) {
    for (const FaultKind kind : kAllFaultKinds) {
        if (FaultName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

json::object PlanToJson(const FaultPlan& plan) {
    json::array kinds;
    for (const FaultKind kind : plan.kinds) {
        kinds.emplace_back(FaultName(kind));
    }
    return {{"rate", plan.rate},
            {"kinds", std::move(kinds)},
            {"slow_ms", plan.slow_ms},
            {"timeout_ms", plan.timeout_ms},
            {"seed", plan.seed}};
}

namespace {

std::optional<double> AsNumber(const json::value& value) {
    if (value.is_double()) {
        return value.get_double();
    }
    if (value.is_int64()) {
        return static_cast<double>(value.get_int64());
    }
    if (value.is_uint64()) {
        return static_cast<double>(value.get_uint64());
    }
    return std::nullopt;
}

std::optional<std::string> MergeMilliseconds(const json::object& update, std::string_view key,
                                             int& target) {
    const auto* value = update.if_contains(key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_int64() || value->get_int64() < 0 || value->get_int64() > 600'000) {
        return std::string(key) + ": must be an integer number of milliseconds (0…600000)";
    }
    target = static_cast<int>(value->get_int64());
    return std::nullopt;
}

}  // namespace

std::optional<std::string> MergePlan(const json::object& update, FaultPlan& current) {
    FaultPlan plan = current;
    if (const auto* rate = update.if_contains("rate")) {
        const auto number = AsNumber(*rate);
        if (!number || *number < 0.0 || *number > 1.0) {
            return "rate: must be a number from 0 to 1";
        }
        plan.rate = *number;
    }
    if (const auto* kinds = update.if_contains("kinds")) {
        if (!kinds->is_array()) {
            return "kinds: must be an array of fault kinds";
        }
        plan.kinds.clear();
        for (const auto& name : kinds->get_array()) {
            const auto kind = name.is_string() ? ParseFaultKind(name.get_string()) : std::nullopt;
            if (!kind) {
                return "kinds: unknown fault kind " + json::serialize(name);
            }
            plan.kinds.push_back(*kind);
        }
    }
    if (auto error = MergeMilliseconds(update, "slow_ms", plan.slow_ms)) {
        return error;
    }
    if (auto error = MergeMilliseconds(update, "timeout_ms", plan.timeout_ms)) {
        return error;
    }
    if (const auto* seed = update.if_contains("seed")) {
        if (seed->is_int64() && seed->get_int64() >= 0) {
            plan.seed = static_cast<std::uint64_t>(seed->get_int64());
        } else if (seed->is_uint64()) {
            plan.seed = seed->get_uint64();
        } else {
            return "seed: must be a non-negative integer";
        }
    }
    current = std::move(plan);
    return std::nullopt;
}

std::optional<std::string> ParseKindList(std::string_view list, std::vector<FaultKind>& kinds) {
    kinds.clear();
    while (!list.empty()) {
        const auto comma = list.find(',');
        const auto name = list.substr(0, comma);
        if (!name.empty()) {
            const auto kind = ParseFaultKind(name);
            if (!kind) {
                return "unknown fault kind '" + std::string(name) + "'";
            }
            kinds.push_back(*kind);
        }
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
    return std::nullopt;
}

FaultInjector::FaultInjector(FaultPlan plan) : plan_(std::move(plan)), random_(plan_.seed) {}

void FaultInjector::SetPlan(FaultPlan plan) {
    std::lock_guard lock(mutex_);
    plan_ = std::move(plan);
    random_.seed(plan_.seed);
}

FaultPlan FaultInjector::Plan() const {
    std::lock_guard lock(mutex_);
    return plan_;
}

std::optional<FaultKind> FaultInjector::Draw() {
    std::lock_guard lock(mutex_);
    if (plan_.rate <= 0.0 || plan_.kinds.empty()) {
        return std::nullopt;
    }
    // Computed by hand rather than with std:: distributions, whose output the standard leaves to
    // the library: the same seed gives the same faults with any standard library.
    const double draw = static_cast<double>(random_() >> 11) * 0x1.0p-53;
    if (draw >= plan_.rate) {
        return std::nullopt;
    }
    return plan_.kinds[random_() % plan_.kinds.size()];
}

}  // namespace motcua::sim
