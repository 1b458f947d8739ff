// What every simulator's state has: the mutex that guards it all (every method is one short
// critical section), the counters the tests compare, and what the shared control routes do with
// it (GET /_sim/state, POST /_sim/reset; switches.hpp). Each simulator derives its own.
#pragma once

#include <mutex>
#include <span>
#include <string_view>

#include <boost/json/object.hpp>

#include "simulators/common/counters.hpp"

namespace motcua::sim {

class SimState {
public:
    /// `counter_names`: the simulator's counters (README.md), present at 0 until counted.
    explicit SimState(std::span<const std::string_view> counter_names);
    virtual ~SimState() = default;
    SimState(const SimState&) = delete;
    SimState& operator=(const SimState&) = delete;
    SimState(SimState&&) = delete;
    SimState& operator=(SimState&&) = delete;

    void Count(std::string_view name);
    void CountFault(std::string_view kind);

    /// GET /_sim/state (README.md).
    virtual boost::json::object StateJson() const = 0;
    /// POST /_sim/reset: forgets what the simulator received and zeroes the counters.
    virtual void Reset() = 0;

protected:
    mutable std::mutex mutex_;
    Counters counters_;  // Guarded by mutex_.
};

}  // namespace motcua::sim
