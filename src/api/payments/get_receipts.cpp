#include <boost/json.hpp>

#include "api/json/names.hpp"
#include "api/path_id.hpp"
#include "api/payments/payment_handlers.hpp"
#include "api/payments/payment_json.hpp"
#include "api/pdf_response.hpp"
#include "api/query_params.hpp"
#include "services/payments/receipts.hpp"

namespace motcua::api::payments {
namespace {

boost::json::object ReceiptToJson(const services::Receipt& receipt) {
    boost::json::array lines;
    for (const auto& line : receipt.lines) {
        lines.push_back({{"kind", line.kind},
                         {"code", json::StringOrNull(line.code)},
                         {"name", line.name},
                         {"amount_vnd", line.amount}});
    }
    return {{"kind", receipt.kind},
            {"number", receipt.number},
            {"lines", std::move(lines)},
            {"total_vnd", receipt.total},
            {"total_in_words", receipt.total_in_words}};
}

}  // namespace

Response GetReceipts(ApiContext& context, const Request& request, const std::string& id) {
    const QueryParams query(request);
    if (auto unknown = query.RejectUnknown({"format"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto pdf = WantsPdf(query);
    if (!pdf) {
        return context.errors.Render(pdf.GetError());
    }
    const auto payment_id = ParsePathId(id);
    if (!payment_id) {
        return context.errors.Render(MakeError(ErrorKind::kNotFound, "payment_not_found", "id"));
    }
    if (pdf.Value()) {
        auto printed = context.receipts->Print(request.actor, *payment_id);
        if (!printed) {
            return context.errors.Render(printed.GetError());
        }
        return PdfResponse(std::move(printed.Value()));
    }
    auto set = context.receipts->Read(request.actor, *payment_id);
    if (!set) {
        return context.errors.Render(set.GetError());
    }
    const auto& read = set.Value();
    boost::json::array receipts;
    for (const auto& receipt : read.receipts) {
        receipts.push_back(ReceiptToJson(receipt));
    }
    return JsonResponse(boost::json::object{
        {"payment", EntryToJson(read.payment)},
        {"reference", json::StringOrNull(read.reference)},
        {"payer", {{"name", read.payer_name}, {"address", json::StringOrNull(read.payer_address)}}},
        {"procedure", {{"code", read.procedure_code}, {"name", read.procedure_name}}},
        {"agency", {{"code", read.payment.agency}, {"name", read.agency_name}}},
        {"refunded_vnd", read.refunded},
        {"refunded_at", json::StringOrNull(read.refunded_at)},
        {"receipts", std::move(receipts)}});
}

}  // namespace motcua::api::payments
