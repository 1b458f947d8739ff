// The counters a simulator's state shows the tests (GET /_sim/state, "counters"): counts by name,
// every name the simulator expects present from the start (0 until counted), and the faults drawn,
// by kind. Not thread-safe: the state's mutex guards them (sim_state.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

namespace motcua::sim {

/// Counts by name, sorted by name (the JSON too).
class CounterMap {
public:
    /// `names` are present at 0 from the start and after every Reset.
    explicit CounterMap(std::span<const std::string_view> names);

    /// Adds one to `name` (a name not given at construction starts at 1).
    void Bump(std::string_view name);
    /// Back to the names given at construction, each 0.
    void Reset();
    /// {"<name>": n, …}.
    boost::json::object Json() const;

private:
    std::vector<std::string_view> names_;
    std::map<std::string, std::uint64_t, std::less<>> counts_;
};

/// A simulator's own counters and its faults drawn, by kind (every kind present).
class Counters {
public:
    explicit Counters(std::span<const std::string_view> names);

    void Count(std::string_view name);
    void CountFault(std::string_view kind);
    /// Zeroes every count.
    void Reset();
    /// {"<name>": n, …, <extra's members>, "faults": {"<kind>": n, …}}.
    boost::json::object Json(const boost::json::object& extra = {}) const;

private:
    CounterMap counts_;
    CounterMap faults_;
};

}  // namespace motcua::sim
