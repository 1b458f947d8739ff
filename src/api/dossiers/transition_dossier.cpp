#include <boost/json.hpp>

#include "api/dossiers/dossier_handlers.hpp"
#include "api/json/request_body.hpp"
#include "common/time_format.hpp"

namespace motcua::api::dossiers {
namespace {

Error Bad(std::string field) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::move(field));
}

// Reads the action's fields from the body; which ones matter depends on the action.
Outcome<domain::ActionInput> ParseAction(const boost::json::object& body) {
    domain::ActionInput input;
    auto name = json::RequiredString(body, "action");
    if (!name) {
        return name.GetError();
    }
    const auto action = domain::ParseAction(name.Value());
    if (!action) {
        return Bad("action");
    }
    input.action = *action;
    auto note = json::OptionalString(body, "note");
    auto to_agency = json::OptionalString(body, "to_agency");
    auto new_due_at = json::OptionalString(body, "new_due_at");
    auto channel = json::OptionalString(body, "channel");
    auto result_kind = json::OptionalString(body, "result_kind");
    auto delivery = json::OptionalString(body, "delivery");
    auto component = json::OptionalString(body, "component");
    auto source = json::OptionalString(body, "source");
    auto file = json::OptionalString(body, "file_sha256");
    auto system = json::OptionalString(body, "system");
    auto rating = json::OptionalString(body, "rating");
    if (auto error = FirstError(note, to_agency, new_due_at, channel, result_kind, delivery,
                                component, source, file, system, rating)) {
        return *error;
    }
    input.note = note.Value();
    input.to_agency = to_agency.Value();
    if (!new_due_at.Value().empty()) {
        input.new_due_at = ParseRfc3339(new_due_at.Value());
        if (!input.new_due_at) {
            return Bad("new_due_at");
        }
    }
    input.payment_channel = channel.Value();
    input.result_kind = result_kind.Value();
    input.delivery = delivery.Value();
    input.component = component.Value();
    input.source = source.Value();
    input.file_sha256 = file.Value();
    input.system = system.Value();
    input.rating = rating.Value();
    if (const auto* amount = body.if_contains("amount")) {
        if (!amount->is_int64() && !amount->is_uint64()) {
            return Bad("amount");
        }
        input.amount = amount->to_number<std::int64_t>();
    }
    if (const auto* reasons = body.if_contains("reasons")) {
        if (!reasons->is_array()) {
            return Bad("reasons");
        }
        for (const auto& reason : reasons->get_array()) {
            if (!reason.is_string() || reason.get_string().empty()) {
                return Bad("reasons");
            }
            input.reasons.emplace_back(reason.get_string());
        }
    }
    auto payload = body;
    payload.erase("action");
    input.payload_json = boost::json::serialize(payload);
    return input;
}

}  // namespace

Response TransitionDossier(ApiContext& context, const Request& request, const std::string& code) {
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    auto input = ParseAction(body.Value());
    if (!input) {
        return context.errors.Render(input.GetError());
    }
    auto view = context.dossiers->Act(request.actor, code, std::move(input).Value());
    if (!view) {
        return context.errors.Render(view.GetError());
    }
    return RenderDossier(context, view.Value(), 200);
}

}  // namespace motcua::api::dossiers
