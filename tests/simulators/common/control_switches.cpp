// The fault plan and outage routes, shared by the simulators' control routes.
#include "simulators/common/control_switches.hpp"

#include <algorithm>
#include <cstdint>

#include <boost/json.hpp>

#include "simulators/common/json_body.hpp"

namespace motcua::sim {
namespace {

namespace json = boost::json;

constexpr double kLongestOutageSeconds = 1e9;

SimReply SetFaults(const SimRequest& request, FaultInjector& faults) {
    const auto body = ControlBody(request.body);
    if (!body) {
        return ControlError(400, "body: must be a JSON object");
    }
    FaultPlan plan = faults.Plan();
    if (auto error = MergePlan(*body, plan)) {
        return ControlError(400, *error);
    }
    faults.SetPlan(plan);
    return JsonReply(PlanToJson(plan));
}

SimReply SetDown(const SimRequest& request, Outage& outage) {
    const auto body = ControlBody(request.body);
    if (!body) {
        return ControlError(400, "body: must be a JSON object");
    }
    if (const json::value* seconds = body->if_contains("seconds")) {
        const bool number = seconds->is_number() && seconds->to_number<double>() >= 0.0;
        if (!number) {
            return ControlError(400, "seconds: must be a non-negative number");
        }
        // Capped (at about 31 years) so that the milliseconds fit the clock's range.
        const double capped = std::min(seconds->to_number<double>(), kLongestOutageSeconds);
        outage.DownFor(std::chrono::milliseconds(static_cast<std::int64_t>(capped * 1000.0)));
    } else if (const json::value* down = body->if_contains("down"); down && down->is_bool()) {
        outage.Set(down->get_bool());
    } else {
        return ControlError(400, R"(expected {"seconds": N} or {"down": true|false})");
    }
    return JsonReply({{"down", outage.IsDown()}});
}

}  // namespace

SimReply ControlError(int status, const std::string& message) {
    return JsonReply({{"error", message}}, status);
}

SimReply NoControlRoute(const SimRequest& request) {
    return ControlError(404, "no control route " + request.method + " " + request.path);
}

std::optional<json::object> ControlBody(const std::string& body) {
    return ParseObject(body.empty() ? std::string_view("{}") : std::string_view(body));
}

std::optional<SimReply> HandleSwitchRoute(const SimRequest& request, FaultInjector& faults,
                                          Outage& outage) {
    if (request.path == "/_sim/faults" && request.method == "GET") {
        return JsonReply(PlanToJson(faults.Plan()));
    }
    if (request.path == "/_sim/faults" && request.method == "POST") {
        return SetFaults(request, faults);
    }
    if (request.path == "/_sim/down" && request.method == "POST") {
        return SetDown(request, outage);
    }
    return std::nullopt;
}

}  // namespace motcua::sim
