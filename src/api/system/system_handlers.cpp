#include "api/system/system_handlers.hpp"

#include "api/http_api.hpp"
#include "api/outbox_metrics.hpp"
#include "api/query_params.hpp"

namespace motcua::api::system {

Response Healthz(ApiContext& context, const Request& request) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    return Response{200, "application/json", R"({"status":"ok"})", {}};
}

Response GetMetrics(ApiContext& context, const Request& request, HttpApi& api) {
    if (!api.MayReadMetrics(request)) {
        return context.errors.Render(MakeError(ErrorKind::kForbidden, "forbidden"));
    }
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    std::string text = api.GetMetrics().RenderPrometheus();
    if (context.outbox != nullptr) {
        // The queue's gauges come from the database; without it only the counters are shown.
        auto stats = context.outbox->Stats();
        text += api.GetOutboxMetrics().Render(
            stats ? stats.Value() : std::vector<storage::OutboxStats>{},
            context.outbox->GetClock().Now());
    }
    if (context.portal != nullptr) {
        if (auto pending = context.portal->CountPending()) {
            text += RenderPortalReviewMetrics(context.portal->GetConnector(), pending.Value());
        }
    }
    return Response{200, "text/plain; version=0.0.4; charset=utf-8", std::move(text), {}};
}

Response GetOpenApi(ApiContext& context, const Request& request, const std::string& document) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    Response response{200, "application/json", document, {}};
    response.With("Cache-Control", "no-cache");
    return response;
}

}  // namespace motcua::api::system
