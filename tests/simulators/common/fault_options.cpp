#include "simulators/common/fault_options.hpp"

namespace motcua::sim {

void AddFaultOptions(CLI::App& cli, FaultPlan& plan, std::string& kinds) {
    cli.add_option("--fault-rate", plan.rate, "Probability of a fault per call")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cli.add_option("--faults", kinds, "Enabled fault kinds, comma-separated (default: all)");
    cli.add_option("--seed", plan.seed, "Seed of the fault draws")->capture_default_str();
    cli.add_option("--slow-ms", plan.slow_ms, "Delay of the slow fault")
        ->check(CLI::Range(0, 600000))
        ->capture_default_str();
    cli.add_option("--timeout-ms", plan.timeout_ms, "Hold time of the timeout fault")
        ->check(CLI::Range(0, 600000))
        ->capture_default_str();
}

std::optional<std::string> ApplyFaultKinds(const std::string& kinds, FaultPlan& plan) {
    if (kinds.empty()) {
        return std::nullopt;
    }
    return ParseKindList(kinds, plan.kinds);
}

}  // namespace motcua::sim
