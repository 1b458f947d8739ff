// The outage switch of a simulated service (POST /_sim/down): while it is on, every call to the
// service (never to the control routes) is refused with HTTP 503. On until lifted, or for a
// while from now.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>

namespace motcua::sim {

/// Whether the simulated service is down; thread-safe.
class Outage {
public:
    /// Down for `duration` from now.
    void DownFor(std::chrono::milliseconds duration);
    /// Down until lifted (`down`), or up now.
    void Set(bool down);
    bool IsDown() const;

private:
    mutable std::mutex mutex_;
    std::optional<std::chrono::steady_clock::time_point>
        until_;  // nullopt: up; max(): until lifted.
};

}  // namespace motcua::sim
