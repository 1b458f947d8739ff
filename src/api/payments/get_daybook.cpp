#include <optional>
#include <string>

#include <boost/json.hpp>

#include "api/payments/payment_handlers.hpp"
#include "api/payments/payment_json.hpp"
#include "api/query_params.hpp"
#include "services/payments/daybook.hpp"

namespace motcua::api::payments {

Response GetDaybook(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"agency", "date"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto agency = params.NonEmptyText("agency");
    auto date = params.NonEmptyText("date");
    if (!agency) {
        return context.errors.Render(agency.GetError());
    }
    if (!date) {
        return context.errors.Render(date.GetError());
    }
    const std::optional<std::string>& agency_code = agency.Value();
    if (!agency_code) {
        return context.errors.Render(MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency"));
    }
    auto book =
        context.daybook->Read(request.actor, *agency_code, date.Value().value_or(std::string()));
    if (!book) {
        return context.errors.Render(book.GetError());
    }
    boost::json::array entries;
    for (const auto& entry : book.Value().entries) {
        entries.push_back(EntryToJson(entry));
    }
    boost::json::array channels;
    for (const auto& channel : book.Value().channels) {
        channels.push_back({{"channel", channel.channel},
                            {"payments_vnd", channel.payments},
                            {"refunds_vnd", channel.refunds},
                            {"count", channel.count}});
    }
    const auto& totals = book.Value();
    return JsonResponse(
        boost::json::object{{"agency", totals.agency},
                            {"date", totals.date},
                            {"entries", std::move(entries)},
                            {"channels", std::move(channels)},
                            {"payments_vnd", totals.payments},
                            {"refunds_vnd", totals.refunds},
                            {"net_vnd", totals.payments - totals.refunds},
                            {"cash_vnd", totals.cash},
                            {"closing", totals.closing ? ClosingToJson(*totals.closing)
                                                       : boost::json::value(nullptr)}});
}

}  // namespace motcua::api::payments
