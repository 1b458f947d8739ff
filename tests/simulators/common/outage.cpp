// The outage switch: an optional end on the steady clock, so that changing the wall clock never
// ends or prolongs an outage.
#include "simulators/common/outage.hpp"

namespace motcua::sim {

void Outage::DownFor(std::chrono::milliseconds duration) {
    std::lock_guard lock(mutex_);
    until_ = std::chrono::steady_clock::now() + duration;
}

void Outage::Set(bool down) {
    std::lock_guard lock(mutex_);
    until_ = down ? std::optional(std::chrono::steady_clock::time_point::max()) : std::nullopt;
}

bool Outage::IsDown() const {
    std::lock_guard lock(mutex_);
    return until_.has_value() && std::chrono::steady_clock::now() < *until_;
}

}  // namespace motcua::sim
