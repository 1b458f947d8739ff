// The command-line flags of the fault plan every simulator takes (--fault-rate, --faults, --seed,
// --slow-ms, --timeout-ms; each simulator's README.md lists them).
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "simulators/common/faults.hpp"

namespace motcua::sim {

/// Adds the fault flags to `cli`, writing into `plan`; the --faults list lands in `kinds` as
/// given, for ApplyFaultKinds once the flags are parsed.
void AddFaultOptions(CLI::App& cli, FaultPlan& plan, std::string& kinds);

/// Sets plan.kinds from the --faults list when one was given; an error message otherwise.
std::optional<std::string> ApplyFaultKinds(const std::string& kinds, FaultPlan& plan);

}  // namespace motcua::sim
