// The gateway's own POST routes here; the fault plan, the outage switch, GET /_sim/state and POST
// /_sim/reset are the routes every simulator shares (common/switches.hpp). An empty body counts
// as {}.
#include "simulators/vnpay/control.hpp"

#include <boost/json.hpp>

#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"

namespace motcua::sim::vnpay {
namespace {

namespace json = boost::json;

const json::string* StringMember(const json::object& body, std::string_view key) {
    const json::value* value = body.if_contains(key);
    return value != nullptr && value->is_string() ? &value->get_string() : nullptr;
}

SimReply SettleReply(const Settlement& settled) {
    if (settled.status != 200) {
        json::object body{{"error", settled.error}};
        if (settled.transaction) {
            body["transaction"] = TransactionJson(*settled.transaction);
        }
        return JsonReply(body, settled.status);
    }
    return JsonReply({{"transaction", TransactionJson(*settled.transaction)},
                      {"return_url", settled.return_url}});
}

}  // namespace

ControlRoutes::ControlRoutes(GatewayState& state, Gateway& gateway, Switches& switches)
    : state_(state), gateway_(gateway), switches_(switches) {}

SimReply ControlRoutes::Handle(const SimRequest& request) {
    if (auto reply = switches_.HandleControl(request)) {
        return std::move(*reply);
    }
    if (request.method != "POST") {
        return NoControlRoute(request);
    }
    const auto body = ControlBody(request.body);
    if (!body) {
        return ControlError(400, "body: must be a JSON object");
    }
    return Post(request, *body);
}

SimReply ControlRoutes::Post(const SimRequest& request, const json::object& body) {
    const std::string& path = request.path;
    if (path == "/_sim/merchant") {
        const json::string* url = StringMember(body, "ipn_url");
        if (url == nullptr || (!url->empty() && !url->starts_with("http://"))) {
            return ControlError(400, "ipn_url: must be an http:// URL or \"\"");
        }
        state_.Merchant().SetUrl(std::string(*url));
        return JsonReply({{"ipn_url", *url}});
    }
    if (path == "/_sim/callback") {
        const json::string* name = StringMember(body, "scenario");
        const auto scenario = name ? ParseScenario(*name) : std::nullopt;
        if (!scenario) {
            return ControlError(
                400, "scenario: normal | lost | repeated | before_return | after_return");
        }
        state_.Merchant().SetScenario(*scenario);
        return JsonReply({{"scenario", ScenarioName(*scenario)}});
    }
    if (path == "/_sim/settle") {
        const json::string* txn_ref = StringMember(body, "txn_ref");
        const json::string* outcome_name = StringMember(body, "outcome");
        const auto outcome = outcome_name ? ParseOutcome(*outcome_name) : std::nullopt;
        std::optional<Scenario> scenario;
        if (body.contains("scenario")) {
            const json::string* name = StringMember(body, "scenario");
            scenario = name ? ParseScenario(*name) : std::nullopt;
            if (!scenario) {
                return ControlError(400,
                                    "scenario: normal | lost | repeated | before_return | "
                                    "after_return");
            }
        }
        if (txn_ref == nullptr || !outcome) {
            return ControlError(400,
                                "txn_ref: a string; outcome: success | cancel | "
                                "insufficient | timeout");
        }
        return SettleReply(gateway_.Settle(std::string(*txn_ref), *outcome, scenario));
    }
    if (path == "/_sim/inject_transaction") {
        return gateway_.Inject(body);
    }
    if (path == "/_sim/replay_ipn") {
        return gateway_.ReplayIpn(body);
    }
    return NoControlRoute(request);
}

}  // namespace motcua::sim::vnpay
