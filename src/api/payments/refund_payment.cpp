#include <boost/json.hpp>

#include "api/json/request_body.hpp"
#include "api/path_id.hpp"
#include "api/payments/payment_handlers.hpp"
#include "api/payments/payment_json.hpp"
#include "api/query_params.hpp"
#include "services/payments/refunds.hpp"

namespace motcua::api::payments {
namespace {

/// {"reason", "amount_vnd"?: integer ≥ 1, "method"?: cash | card | transfer, "reference"?}.
Outcome<domain::RefundClaim> ReadClaim(const boost::json::object& body) {
    domain::RefundClaim claim;
    for (const auto& [key, value] : body) {
        if (key == "amount_vnd") {
            if (!value.is_int64() || value.as_int64() < 1) {
                return json::InvalidField(key);
            }
            claim.amount = value.as_int64();
        } else if (key != "reason" && key != "method" && key != "reference") {
            return json::InvalidField(key);
        }
    }
    MOTCUA_ASSIGN_OR_RETURN(claim.reason, json::RequiredString(body, "reason"));
    MOTCUA_ASSIGN_OR_RETURN(claim.method, json::OptionalChoice(body, "method"));
    MOTCUA_ASSIGN_OR_RETURN(claim.reference, json::OptionalString(body, "reference"));
    return claim;
}

}  // namespace

Response RefundPayment(ApiContext& context, const Request& request, const std::string& id) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto payment_id = ParsePathId(id);
    if (!payment_id) {
        return context.errors.Render(MakeError(ErrorKind::kNotFound, "payment_not_found", "id"));
    }
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    auto claim = ReadClaim(body.Value());
    if (!claim) {
        return context.errors.Render(claim.GetError());
    }
    auto refund = context.refunds->Refund(request.actor, *payment_id, claim.Value());
    if (!refund) {
        return context.errors.Render(refund.GetError());
    }
    return JsonResponse(EntryToJson(refund.Value()), 201);
}

}  // namespace motcua::api::payments
