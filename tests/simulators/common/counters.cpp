#include "simulators/common/counters.hpp"

#include <boost/json.hpp>

#include "simulators/common/faults.hpp"

namespace motcua::sim {
namespace {

std::vector<std::string_view> FaultNames() {
    std::vector<std::string_view> names;
    names.reserve(kAllFaultKinds.size());
    for (const FaultKind kind : kAllFaultKinds) {
        names.push_back(FaultName(kind));
    }
    return names;
}

}  // namespace

CounterMap::CounterMap(std::span<const std::string_view> names)
    : names_(names.begin(), names.end()) {
    Reset();
}

void CounterMap::Bump(std::string_view name) {
    if (const auto found = counts_.find(name); found != counts_.end()) {
        ++found->second;
    } else {
        counts_.emplace(std::string(name), 1);
    }
}

void CounterMap::Reset() {
    counts_.clear();
    for (const std::string_view name : names_) {
        counts_.emplace(std::string(name), 0);
    }
}

boost::json::object CounterMap::Json() const {
    boost::json::object counts;
    for (const auto& [name, value] : counts_) {
        counts[name] = value;
    }
    return counts;
}

Counters::Counters(std::span<const std::string_view> names)
    : counts_(names), faults_(FaultNames()) {}

void Counters::Count(std::string_view name) { counts_.Bump(name); }

void Counters::CountFault(std::string_view kind) { faults_.Bump(kind); }

void Counters::Reset() {
    counts_.Reset();
    faults_.Reset();
}

boost::json::object Counters::Json(const boost::json::object& extra) const {
    boost::json::object counters = counts_.Json();
    for (const auto& [name, value] : extra) {
        counters[name] = value;
    }
    counters["faults"] = faults_.Json();
    return counters;
}

}  // namespace motcua::sim
