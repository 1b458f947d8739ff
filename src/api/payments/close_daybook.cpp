#include <boost/json.hpp>

#include "api/json/request_body.hpp"
#include "api/payments/payment_handlers.hpp"
#include "api/payments/payment_json.hpp"
#include "api/query_params.hpp"
#include "services/payments/daybook.hpp"

namespace motcua::api::payments {
namespace {

/// {"agency", "cash_counted_vnd": integer ≥ 0, "date"?, "note"?}.
Outcome<services::ClosingClaim> ReadClaim(const boost::json::object& body) {
    services::ClosingClaim claim;
    bool counted = false;
    for (const auto& [key, value] : body) {
        if (key == "cash_counted_vnd") {
            if (!value.is_int64() || value.as_int64() < 0) {
                return json::InvalidField(key);
            }
            claim.cash_counted = value.as_int64();
            counted = true;
        } else if (key != "agency" && key != "date" && key != "note") {
            return json::InvalidField(key);
        }
    }
    if (!counted) {
        return json::InvalidField("cash_counted_vnd");
    }
    MOTCUA_ASSIGN_OR_RETURN(claim.agency, json::RequiredString(body, "agency"));
    MOTCUA_ASSIGN_OR_RETURN(claim.date, json::OptionalChoice(body, "date"));
    MOTCUA_ASSIGN_OR_RETURN(claim.note, json::OptionalString(body, "note"));
    return claim;
}

}  // namespace

Response CloseDaybook(ApiContext& context, const Request& request) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    auto claim = ReadClaim(body.Value());
    if (!claim) {
        return context.errors.Render(claim.GetError());
    }
    auto closing = context.daybook->Close(request.actor, claim.Value());
    if (!closing) {
        return context.errors.Render(closing.GetError());
    }
    return JsonResponse(ClosingToJson(closing.Value()), 201);
}

}  // namespace motcua::api::payments
