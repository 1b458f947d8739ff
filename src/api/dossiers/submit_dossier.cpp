#include <cstdint>

#include "api/dossiers/dossier_handlers.hpp"
#include "api/json/dossier_responses.hpp"
#include "api/json/request_body.hpp"

namespace motcua::api::dossiers {

Response RenderDossier(ApiContext& context, const services::DossierView& view, int status) {
    Response response =
        JsonResponse(json::DossierViewToJson(*context.catalog.GetSnapshot(), view), status);
    response.With("ETag", "\"" + std::to_string(view.dossier.event_count) + "\"");
    return response;
}

Response SubmitDossier(ApiContext& context, const Request& request) {
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    const auto& fields = body.Value();
    auto procedure = json::RequiredString(fields, "procedure");
    auto agency = json::RequiredString(fields, "agency");
    auto channel_name = json::OptionalChoice(fields, "channel");
    auto note = json::OptionalString(fields, "note");
    auto exemption = json::OptionalString(fields, "exemption");
    if (auto error = FirstError(procedure, agency, channel_name, note, exemption)) {
        return context.errors.Render(*error);
    }
    int copies = 1;
    if (const auto* given = fields.if_contains("copies")) {
        // The range is the fee rule's (domain/catalog/fee_due.hpp); here only the type.
        if (!given->is_int64() || given->as_int64() < 0 || given->as_int64() > INT32_MAX) {
            return context.errors.Render(InvalidParameter("copies"));
        }
        copies = static_cast<int>(given->as_int64());
    }
    const auto channel = channel_name.Value().empty() ? std::optional(domain::Channel::kOnline)
                                                      : domain::ParseChannel(channel_name.Value());
    if (!channel) {
        return context.errors.Render(InvalidParameter("channel"));
    }
    services::NewDossier dossier;
    dossier.procedure_code = procedure.Value();
    dossier.agency = agency.Value();
    dossier.channel = *channel;
    dossier.note = note.Value();
    dossier.fee_request = {copies, exemption.Value()};
    dossier.idempotency_key = std::string(request.Header("idempotency-key"));
    if (dossier.idempotency_key.empty() && request.HasHeader("idempotency-key")) {
        return context.errors.Render(InvalidParameter("Idempotency-Key"));
    }
    if (const auto* applicant = fields.if_contains("applicant")) {
        if (!applicant->is_object()) {
            return context.errors.Render(InvalidParameter("applicant"));
        }
        const auto& person = applicant->get_object();
        auto kind = json::OptionalChoice(person, "kind");
        auto id_number = json::OptionalString(person, "id_number");
        auto name = json::OptionalString(person, "name");
        auto phone = json::OptionalString(person, "phone");
        auto email = json::OptionalString(person, "email");
        auto address = json::OptionalString(person, "address");
        if (auto error = FirstError(kind, id_number, name, phone, email, address)) {
            return context.errors.Render(*error);
        }
        dossier.applicant = {kind.Value().empty() ? "citizen" : kind.Value(),
                             id_number.Value(),
                             name.Value(),
                             phone.Value(),
                             email.Value(),
                             address.Value()};
    }
    auto payload = fields;
    payload.erase("applicant");  // Personal data stays in the dossier, not in the event log.
    dossier.payload_json = boost::json::serialize(payload);
    auto created = context.dossiers->Submit(request.actor, std::move(dossier));
    if (!created) {
        return context.errors.Render(created.GetError());
    }
    Response response =
        RenderDossier(context, created.Value(), created.Value().created ? 201 : 200);
    response.With("Location", "/api/v1/dossiers/" + created.Value().dossier.code);
    return response;
}

}  // namespace motcua::api::dossiers
