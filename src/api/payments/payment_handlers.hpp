// The payment endpoints (docs/payments.md §3): the applicant starts an online payment of a
// dossier; gateways call back (VNPay's IPN is a GET, the platform's confirm a POST) and bring
// the citizen's browser back; readers of a dossier see its orders and ledger rows. Rules live in
// services::PaymentService.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::payments {

/// POST /api/v1/dossiers/{code}/payments {"gateway": "vnpay", "locale": "vn"} → 201
/// {reference, amount_vnd, gateway, pay_url}
Response StartPayment(ApiContext& context, const Request& request, const std::string& code);
/// GET /api/v1/dossiers/{code}/payments → {orders: […], entries: […]}
Response ListDossierPayments(ApiContext& context, const Request& request, const std::string& code);
/// GET /api/v1/payments/daybook?agency=&date= → the day's ledger of the agency's subtree with
/// totals per channel (sổ thu): cashiers and those who read the agency's indicators.
Response GetDaybook(ApiContext& context, const Request& request);
/// POST /api/v1/payments/daybook/closings {agency, cash_counted_vnd, date?, note?} → 201 the
/// closing: the cashier's daily closing (chốt sổ thu).
Response CloseDaybook(ApiContext& context, const Request& request);
/// POST /api/v1/payments/{id}/refunds {reason, amount_vnd?, method?, reference?} → 201 the
/// refund's ledger row.
Response RefundPayment(ApiContext& context, const Request& request, const std::string& id);
/// GET /api/v1/payments/{id}/receipts → the payment's e-receipts, phí and lệ phí apart.
Response GetReceipts(ApiContext& context, const Request& request, const std::string& id);
/// GET /api/v1/payments/reconciliation?gateway=&date= → the gateway's day against the ledger.
Response GetReconciliation(ApiContext& context, const Request& request);
/// GET and POST /api/v1/payments/{gateway}/callback: the gateway's own answer, always 200.
Response GatewayCallback(ApiContext& context, const Request& request, const std::string& gateway);
/// GET /api/v1/payments/{gateway}/return: records nothing; a page that takes the browser on to
/// the web application's page of the dossier, which shows what the gateway's callback recorded.
Response GatewayReturn(ApiContext& context, const Request& request, const std::string& gateway);

}  // namespace motcua::api::payments
