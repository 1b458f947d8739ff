#include "simulators/dvcqg/control.hpp"

#include <boost/json.hpp>

#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"

namespace motcua::sim::dvcqg {

namespace json = boost::json;

ControlRoutes::ControlRoutes(PortalState& state, FaultInjector& faults, Outage& outage,
                             Sessions& sessions, FaultPlan startup_plan)
    : state_(state),
      faults_(faults),
      outage_(outage),
      sessions_(sessions),
      startup_plan_(std::move(startup_plan)) {}

SimReply ControlRoutes::Handle(const SimRequest& request) {
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (request.too_large) {
        return ControlError(413, "body larger than 1 MiB");
    }
    if (auto reply = HandleSwitchRoute(request, faults_, outage_)) {
        return std::move(*reply);
    }
    if (request.path == "/_sim/state" && get) {
        return JsonReply(state_.StateJson());
    }
    if (request.path == "/_sim/summary" && get) {
        return Summary();
    }
    if (request.path == "/_sim/portal_dossiers" && post) {
        return AddPortalDossiers(request);
    }
    if (request.path == "/_sim/reset" && post) {
        return Reset();
    }
    if (request.path == "/_sim/expire_sessions" && post) {
        sessions_.ExpireAll();
        return JsonReply({{"ok", true}});
    }
    return ControlError(404, "no control route " + request.method + " " + request.path);
}

SimReply ControlRoutes::Summary() const {
    json::object summary = state_.SummaryJson();
    summary["down"] = outage_.IsDown();
    summary["fault_plan"] = PlanToJson(faults_.Plan());
    return JsonReply(summary);
}

SimReply ControlRoutes::AddPortalDossiers(const SimRequest& request) {
    const auto body =
        ParseObject(request.body.empty() ? std::string_view("{}") : std::string_view(request.body));
    const json::value* list = body ? body->if_contains("dossiers") : nullptr;
    if (list == nullptr || !list->is_array()) {
        return ControlError(400, R"(expected {"dossiers": [{"MaHoSoQG": …, …}]})");
    }
    std::vector<json::object> dossiers;
    for (const json::value& item : list->get_array()) {
        const json::value* code =
            item.is_object() ? item.get_object().if_contains("MaHoSoQG") : nullptr;
        if (code == nullptr || !code->is_string() || code->get_string().empty()) {
            return ControlError(400, "dossiers[" + std::to_string(dossiers.size()) +
                                         "]: an object with a non-empty MaHoSoQG");
        }
        dossiers.push_back(item.get_object());
    }
    const std::size_t added = dossiers.size();
    const std::size_t total = state_.AddPortalDossiers(std::move(dossiers));
    return JsonReply({{"added", added}, {"total", total}});
}

SimReply ControlRoutes::Reset() {
    state_.Reset();
    faults_.SetPlan(startup_plan_);
    outage_.Set(false);
    return JsonReply({{"ok", true}});
}

}  // namespace motcua::sim::dvcqg
