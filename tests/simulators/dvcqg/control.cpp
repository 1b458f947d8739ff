#include "simulators/dvcqg/control.hpp"

#include <boost/json.hpp>

#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"

namespace motcua::sim::dvcqg {

namespace json = boost::json;

ControlRoutes::ControlRoutes(PortalState& state, Switches& switches, Sessions& sessions)
    : state_(state), switches_(switches), sessions_(sessions) {}

SimReply ControlRoutes::Handle(const SimRequest& request) {
    if (auto reply = switches_.HandleControl(request)) {
        return std::move(*reply);
    }
    const bool post = request.method == "POST";
    if (request.path == "/_sim/summary" && request.method == "GET") {
        return Summary();
    }
    if (request.path == "/_sim/portal_dossiers" && post) {
        return AddPortalDossiers(request);
    }
    if (request.path == "/_sim/expire_sessions" && post) {
        sessions_.ExpireAll();
        return JsonReply({{"ok", true}});
    }
    return NoControlRoute(request);
}

SimReply ControlRoutes::Summary() const {
    json::object summary = state_.SummaryJson();
    summary["down"] = switches_.IsDown();
    summary["fault_plan"] = PlanToJson(switches_.Plan());
    return JsonReply(summary);
}

SimReply ControlRoutes::AddPortalDossiers(const SimRequest& request) {
    const auto body = ControlBody(request.body);
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

}  // namespace motcua::sim::dvcqg
