// The JSON views of the portal state for the control routes (README.md "/_sim/state").
#include <boost/json.hpp>

#include "simulators/dvcqg/state.hpp"

namespace motcua::sim::dvcqg {

namespace json = boost::json;

json::object PortalState::CountersJsonLocked() const {
    return counters_.Json({{"by_service", by_service_.Json()}});
}

json::object PortalState::StateJson() const {
    std::lock_guard lock(mutex_);
    json::object dossiers;
    for (const auto& [id, dossier] : dossiers_) {
        json::array steps;
        steps.reserve(dossier.steps.size());
        for (const auto& step : dossier.steps) {
            steps.emplace_back(step);
        }
        dossiers[id] = json::object{
            {"header", dossier.header},
            {"creates", dossier.creates},
            {"updates", dossier.updates},
            {"steps", std::move(steps)},
            {"checks",
             {{"increasing", dossier.out_of_order == 0},
              {"out_of_order", dossier.out_of_order},
              {"steps_before_create", dossier.steps_before_create}}},
        };
    }
    json::object orphans;
    for (const auto& [id, count] : orphan_steps_) {
        orphans[id] = count;
    }
    json::array portal;
    for (const auto& dossier : portal_dossiers_) {
        portal.emplace_back(dossier);
    }
    return {{"dossiers", std::move(dossiers)},
            {"orphan_steps", std::move(orphans)},
            {"portal_dossiers", std::move(portal)},
            {"counters", CountersJsonLocked()}};
}

json::object PortalState::SummaryJson() const {
    std::lock_guard lock(mutex_);
    return {{"counters", CountersJsonLocked()},
            {"dossiers", dossiers_.size()},
            {"steps", total_steps_},
            {"portal_dossiers", portal_dossiers_.size()}};
}

}  // namespace motcua::sim::dvcqg
