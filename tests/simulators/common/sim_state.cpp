#include "simulators/common/sim_state.hpp"

namespace motcua::sim {

SimState::SimState(std::span<const std::string_view> counter_names) : counters_(counter_names) {}

void SimState::Count(std::string_view name) {
    std::lock_guard lock(mutex_);
    counters_.Count(name);
}

void SimState::CountFault(std::string_view kind) {
    std::lock_guard lock(mutex_);
    counters_.CountFault(kind);
}

}  // namespace motcua::sim
