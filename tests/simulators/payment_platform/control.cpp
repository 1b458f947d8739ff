// The platform's own routes here; the fault plan, the outage switch, GET /_sim/state and POST
// /_sim/reset are the routes every simulator shares (common/switches.hpp). An empty body counts
// as {}.
#include "simulators/payment_platform/control.hpp"

#include <chrono>

#include <boost/json.hpp>

#include "connectors/payment_platform/payment_platform_protocol.hpp"
#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"
#include "simulators/payment_platform/settlement.hpp"

namespace motcua::sim::payment_platform {
namespace {

namespace json = boost::json;
namespace protocol = motcua::connectors;

// The string member `name`, or nullopt when it is missing or not a string.
std::optional<std::string> StringMember(const json::object& body, std::string_view name) {
    const json::value* value = body.if_contains(name);
    return value != nullptr && value->is_string() ? std::optional(std::string(value->get_string()))
                                                  : std::nullopt;
}

json::array AttemptsJson(const std::vector<ConfirmAttempt>& attempts) {
    json::array list;
    for (const ConfirmAttempt& attempt : attempts) {
        list.emplace_back(AttemptJson(attempt));
    }
    return list;
}

}  // namespace

ControlRoutes::ControlRoutes(PlatformState& state, ConfirmSender& sender, Switches& switches)
    : state_(state), sender_(sender), switches_(switches) {}

SimReply ControlRoutes::Handle(const SimRequest& request) {
    if (auto reply = switches_.HandleControl(request)) {
        return std::move(*reply);
    }
    if (request.method == "POST") {
        if (request.path == "/_sim/merchant") {
            return SetMerchant(request);
        }
        if (request.path == "/_sim/callback") {
            return SetCallback(request);
        }
        if (request.path == "/_sim/settle") {
            return Settle(request);
        }
        if (request.path == "/_sim/inject_transaction") {
            return Inject(request);
        }
        if (request.path == "/_sim/replay_confirm") {
            return Replay(request);
        }
    }
    return NoControlRoute(request);
}

SimReply ControlRoutes::SetMerchant(const SimRequest& request) {
    const auto body = ControlBody(request.body);
    const auto url = body ? StringMember(*body, "confirm_url") : std::nullopt;
    if (!url) {
        return ControlError(400, R"(expected {"confirm_url": "http://…" or ""})");
    }
    state_.Merchant().SetUrl(*url);
    return JsonReply({{"confirm_url", *url}});
}

SimReply ControlRoutes::SetCallback(const SimRequest& request) {
    const auto body = ControlBody(request.body);
    const auto name = body ? StringMember(*body, "scenario") : std::nullopt;
    const auto scenario = name ? ParseScenario(*name) : std::nullopt;
    if (!scenario) {
        return ControlError(400, "scenario: one of normal, lost, repeated, after_return");
    }
    state_.Merchant().SetScenario(*scenario);
    return JsonReply({{"scenario", ScenarioName(*scenario)}});
}

SimReply ControlRoutes::Settle(const SimRequest& request) {
    const auto body = ControlBody(request.body);
    if (!body) {
        return ControlError(400, "body: must be a JSON object");
    }
    const auto reference = StringMember(*body, "reference");
    const auto outcome = StringMember(*body, "outcome");
    const auto result = outcome ? OutcomeResult(*outcome) : std::nullopt;
    if (!reference || !result) {
        return ControlError(400,
                            "expected {\"reference\", \"outcome\": success|cancel|"
                            "insufficient|timeout, \"scenario\"?}");
    }
    CallbackScenario scenario = state_.Merchant().Scenario();
    if (body->contains("scenario")) {
        const auto name = StringMember(*body, "scenario");
        const auto parsed = name ? ParseScenario(*name) : std::nullopt;
        if (!parsed) {
            return ControlError(400, "scenario: one of normal, lost, repeated, after_return");
        }
        scenario = *parsed;
    }
    const auto held = state_.Find(*reference);
    if (!held) {
        return ControlError(404, "no transaction " + *reference);
    }
    const Settlement settlement = SettlePayment(state_, sender_, *reference, *result, scenario);
    if (!settlement.transaction) {
        return ControlError(409, "transaction " + *reference + " is not pending");
    }
    return JsonReply({{"transaction", TransactionJson(*settlement.transaction)},
                      {"confirms", AttemptsJson(settlement.attempts)}});
}

SimReply ControlRoutes::Inject(const SimRequest& request) {
    const auto body = ControlBody(request.body);
    if (!body) {
        return ControlError(400, "body: must be a JSON object");
    }
    const auto reference = StringMember(*body, "reference");
    const json::value* amount = body->if_contains("amount");
    if (!reference || !protocol::IsPlatformReference(*reference) || amount == nullptr ||
        !amount->is_int64() || amount->get_int64() < 1) {
        return ControlError(400,
                            "expected {\"reference\": letters and digits, \"amount\": an "
                            "integer ≥ 1, \"info\"?, \"time_gd\"?}");
    }
    const auto time_gd = StringMember(*body, "time_gd")
                             .value_or(protocol::PlatformTime(std::chrono::system_clock::now()));
    if (!protocol::IsPlatformTime(time_gd)) {
        return ControlError(400, "time_gd: not yyyyMMddHHmmss");
    }
    if (state_.Find(*reference)) {
        return ControlError(409, "transaction " + *reference + " exists");
    }
    const Transaction injected =
        state_.Inject({.reference = *reference,
                       .amount_vnd = amount->get_int64(),
                       .info = StringMember(*body, "info").value_or("Giao dịch ngoài MotCua"),
                       .created_gd = time_gd,
                       .result = std::string(protocol::kPlatformPaid),
                       .settled_gd = time_gd});
    return JsonReply({{"transaction", TransactionJson(injected)}});
}

SimReply ControlRoutes::Replay(const SimRequest& request) {
    const auto body = ControlBody(request.body);
    const auto reference = body ? StringMember(*body, "reference") : std::nullopt;
    const std::string tamper =
        body ? StringMember(*body, "tamper").value_or("none") : std::string("none");
    if (!reference || (tamper != "none" && tamper != "amount" && tamper != "signature")) {
        return ControlError(400, R"(expected {"reference", "tamper"?: none|amount|signature})");
    }
    const auto transaction = state_.Find(*reference);
    if (!transaction) {
        return ControlError(404, "no transaction " + *reference);
    }
    if (transaction->status == PaymentStatus::kPending) {
        return ControlError(409, "transaction " + *reference + " is pending: no confirm yet");
    }
    return JsonReply({{"confirm", AttemptJson(sender_.Replay(*transaction, tamper))}});
}

}  // namespace motcua::sim::payment_platform
