// Every endpoint of the HTTP API: method, path pattern, handler. docs/architecture.md §6 is the
// contract; docs/api/openapi.json documents the shapes, and tests/api checks that both agree.
#include "api/accounts/account_handlers.hpp"
#include "api/audit/list_audit.hpp"
#include "api/auth/auth_handlers.hpp"
#include "api/calendar/calendar_handlers.hpp"
#include "api/catalog/catalog_handlers.hpp"
#include "api/documents/document_handlers.hpp"
#include "api/dossiers/dossier_handlers.hpp"
#include "api/dossiers/file_handlers.hpp"
#include "api/dossiers/form_handlers.hpp"
#include "api/http_api.hpp"
#include "api/imports/import_catalog.hpp"
#include "api/indicators/indicator_handlers.hpp"
#include "api/outbox/outbox_handlers.hpp"
#include "api/payments/payment_handlers.hpp"
#include "api/reports/report_handlers.hpp"
#include "api/results/result_handlers.hpp"
#include "api/sync/portal_handlers.hpp"
#include "api/sync/reconciliation_handlers.hpp"
#include "api/system/system_handlers.hpp"

namespace motcua::api {

std::vector<Route> BuildRoutes(ApiContext& context, HttpApi& api, const HttpApiOptions& options) {
    ApiContext* ctx = &context;
    HttpApi* self = &api;
    const std::string* openapi = &options.openapi_json;
    return {
        {"GET", "/healthz",
         [ctx](const Request& r, const PathParams&) { return system::Healthz(*ctx, r); },
         Caller::kAnyone},
        {"GET", "/metrics",
         [ctx, self](const Request& r, const PathParams&) {
             return system::GetMetrics(*ctx, r, *self);
         },
         Caller::kAnyone},
        {"GET", "/api/v1/openapi.json",
         [ctx, openapi](const Request& r, const PathParams&) {
             return system::GetOpenApi(*ctx, r, *openapi);
         },
         Caller::kAnyone},
        {"GET", "/api/v1/agencies",
         [ctx](const Request& r, const PathParams&) { return catalog::ListAgencies(*ctx, r); },
         Caller::kAnyone},
        {"GET", "/api/v1/agencies/{code}",
         [ctx](const Request& r, const PathParams& p) { return catalog::GetAgency(*ctx, r, p[0]); },
         Caller::kAnyone},
        {"PUT", "/api/v1/agencies/{code}",
         [ctx](const Request& r, const PathParams& p) {
             return catalog::PutAgency(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/fields",
         [ctx](const Request& r, const PathParams&) { return catalog::ListFields(*ctx, r); },
         Caller::kAnyone},
        {"GET", "/api/v1/procedures",
         [ctx](const Request& r, const PathParams&) { return catalog::ListProcedures(*ctx, r); },
         Caller::kAnyone},
        {"GET", "/api/v1/procedures/{code}",
         [ctx](const Request& r, const PathParams& p) {
             return catalog::GetProcedure(*ctx, r, p[0]);
         },
         Caller::kAnyone},
        {"GET", "/api/v1/procedures/{code}/fees",
         [ctx](const Request& r, const PathParams& p) { return catalog::GetFeeDue(*ctx, r, p[0]); },
         Caller::kAnyone},
        {"PUT", "/api/v1/procedures/{code}",
         [ctx](const Request& r, const PathParams& p) {
             return catalog::PutProcedure(*ctx, r, p[0]);
         }},
        // Literal segments before {year}: the first matching pattern wins.
        {"GET", "/api/v1/calendar/due",
         [ctx](const Request& r, const PathParams&) { return calendar::ComputeDue(*ctx, r); },
         Caller::kAnyone},
        {"GET", "/api/v1/calendar/overrides",
         [ctx](const Request& r, const PathParams&) { return calendar::ListOverrides(*ctx, r); },
         Caller::kAnyone},
        {"PUT", "/api/v1/calendar/overrides/{date}",
         [ctx](const Request& r, const PathParams& p) {
             return calendar::RecordOverride(*ctx, r, p[0]);
         }},
        {"DELETE", "/api/v1/calendar/overrides/{date}",
         [ctx](const Request& r, const PathParams& p) {
             return calendar::DeleteOverride(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/calendar/{year}",
         [ctx](const Request& r, const PathParams& p) {
             return calendar::GetCalendarYear(*ctx, r, p[0]);
         },
         Caller::kAnyone},
        {"POST", "/api/v1/auth/login",
         [ctx](const Request& r, const PathParams&) { return auth::Login(*ctx, r); },
         Caller::kAnyone},
        {"POST", "/api/v1/auth/logout",
         [ctx](const Request& r, const PathParams&) { return auth::Logout(*ctx, r); }},
        {"GET", "/api/v1/me",
         [ctx](const Request& r, const PathParams&) { return auth::GetMe(*ctx, r); }},
        {"POST", "/api/v1/me/password",
         [ctx](const Request& r, const PathParams&) { return auth::ChangeMyPassword(*ctx, r); }},
        {"GET", "/api/v1/accounts",
         [ctx](const Request& r, const PathParams&) { return accounts::ListAccounts(*ctx, r); }},
        {"POST", "/api/v1/accounts",
         [ctx](const Request& r, const PathParams&) { return accounts::CreateAccount(*ctx, r); }},
        {"GET", "/api/v1/accounts/{id}",
         [ctx](const Request& r, const PathParams& p) {
             return accounts::GetAccount(*ctx, r, p[0]);
         }},
        {"POST", "/api/v1/accounts/{id}/disable",
         [ctx](const Request& r, const PathParams& p) {
             return accounts::SetAccountDisabled(*ctx, r, p[0], true);
         }},
        {"POST", "/api/v1/accounts/{id}/enable",
         [ctx](const Request& r, const PathParams& p) {
             return accounts::SetAccountDisabled(*ctx, r, p[0], false);
         }},
        {"POST", "/api/v1/accounts/{id}/password",
         [ctx](const Request& r, const PathParams& p) {
             return accounts::ResetAccountPassword(*ctx, r, p[0]);
         }},
        {"POST", "/api/v1/accounts/{id}/roles",
         [ctx](const Request& r, const PathParams& p) {
             return accounts::GrantRole(*ctx, r, p[0]);
         }},
        {"DELETE", "/api/v1/accounts/{id}/roles",
         [ctx](const Request& r, const PathParams& p) {
             return accounts::RevokeRole(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/audit",
         [ctx](const Request& r, const PathParams&) { return audit::ListAudit(*ctx, r); }},
        {"GET", "/api/v1/outbox",
         [ctx](const Request& r, const PathParams&) { return outbox::ListOutbox(*ctx, r); }},
        {"GET", "/api/v1/outbox/{id}",
         [ctx](const Request& r, const PathParams& p) {
             return outbox::GetOutboxMessage(*ctx, r, p[0]);
         }},
        {"POST", "/api/v1/outbox/{id}/retry",
         [ctx](const Request& r, const PathParams& p) {
             return outbox::SettleOutboxMessage(*ctx, r, p[0], true);
         }},
        {"POST", "/api/v1/outbox/{id}/skip",
         [ctx](const Request& r, const PathParams& p) {
             return outbox::SettleOutboxMessage(*ctx, r, p[0], false);
         }},
        {"GET", "/api/v1/sync/reconciliation",
         [ctx](const Request& r, const PathParams&) { return sync::GetReconciliation(*ctx, r); }},
        {"GET", "/api/v1/sync/reconciliation/gaps",
         [ctx](const Request& r, const PathParams&) { return sync::ListSyncGaps(*ctx, r); }},
        {"GET", "/api/v1/sync/portal/review",
         [ctx](const Request& r, const PathParams&) { return sync::ListPortalReview(*ctx, r); }},
        {"POST", "/api/v1/sync/portal/review/{id}/accept",
         [ctx](const Request& r, const PathParams& p) {
             return sync::DecidePortalReview(*ctx, r, p[0], true);
         }},
        {"POST", "/api/v1/sync/portal/review/{id}/dismiss",
         [ctx](const Request& r, const PathParams& p) {
             return sync::DecidePortalReview(*ctx, r, p[0], false);
         }},
        {"POST", "/api/v1/sync/portal/pull-dossiers",
         [ctx](const Request& r, const PathParams&) { return sync::PullPortalDossiers(*ctx, r); }},
        {"POST", "/api/v1/sync/portal/pull-catalogue",
         [ctx](const Request& r, const PathParams&) { return sync::PullPortalCatalogue(*ctx, r); }},
        {"POST", "/api/v1/dossiers",
         [ctx](const Request& r, const PathParams&) { return dossiers::SubmitDossier(*ctx, r); }},
        {"GET", "/api/v1/dossiers",
         [ctx](const Request& r, const PathParams&) { return dossiers::ListDossiers(*ctx, r); }},
        {"GET", "/api/v1/dossiers/{code}",
         [ctx](const Request& r, const PathParams& p) {
             return dossiers::GetDossier(*ctx, r, p[0]);
         },
         Caller::kAnyone},
        {"POST", "/api/v1/dossiers/{code}/actions",
         [ctx](const Request& r, const PathParams& p) {
             return dossiers::TransitionDossier(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/dossiers/{code}/events",
         [ctx](const Request& r, const PathParams& p) {
             return dossiers::ListDossierEvents(*ctx, r, p[0]);
         }},
        {"POST", "/api/v1/dossiers/{code}/payments",
         [ctx](const Request& r, const PathParams& p) {
             return payments::StartPayment(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/dossiers/{code}/payments",
         [ctx](const Request& r, const PathParams& p) {
             return payments::ListDossierPayments(*ctx, r, p[0]);
         }},
        // Literal segment before {gateway}: the first matching pattern wins.
        {"GET", "/api/v1/payments/daybook",
         [ctx](const Request& r, const PathParams&) { return payments::GetDaybook(*ctx, r); }},
        {"POST", "/api/v1/payments/daybook/closings",
         [ctx](const Request& r, const PathParams&) { return payments::CloseDaybook(*ctx, r); }},
        {"GET", "/api/v1/payments/reconciliation",
         [ctx](const Request& r, const PathParams&) {
             return payments::GetReconciliation(*ctx, r);
         }},
        {"GET", "/api/v1/payments/{id}/receipts",
         [ctx](const Request& r, const PathParams& p) {
             return payments::GetReceipts(*ctx, r, p[0]);
         }},
        {"POST", "/api/v1/payments/{id}/refunds",
         [ctx](const Request& r, const PathParams& p) {
             return payments::RefundPayment(*ctx, r, p[0]);
         }},
        // The gateways' own calls: signed by the gateway, verified by the payment service.
        {"GET", "/api/v1/payments/{gateway}/callback",
         [ctx](const Request& r, const PathParams& p) {
             return payments::GatewayCallback(*ctx, r, p[0]);
         },
         Caller::kAnyone},
        {"POST", "/api/v1/payments/{gateway}/callback",
         [ctx](const Request& r, const PathParams& p) {
             return payments::GatewayCallback(*ctx, r, p[0]);
         },
         Caller::kAnyone},
        {"GET", "/api/v1/payments/{gateway}/return",
         [ctx](const Request& r, const PathParams& p) {
             return payments::GatewayReturn(*ctx, r, p[0]);
         },
         Caller::kAnyone},
        {"GET", "/api/v1/dossiers/{code}/forms/{form}",
         [ctx](const Request& r, const PathParams& p) {
             return dossiers::GetDossierForm(*ctx, r, p[0], p[1]);
         }},
        {"POST", "/api/v1/dossiers/{code}/files",
         [ctx](const Request& r, const PathParams& p) {
             return dossiers::UploadDossierFiles(*ctx, r, p[0]);
         }},
        {"POST", "/api/v1/dossiers/{code}/e-result",
         [ctx](const Request& r, const PathParams& p) {
             return dossiers::UploadDossierEResult(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/dossiers/{code}/results",
         [ctx](const Request& r, const PathParams& p) {
             return results::ListDossierResults(*ctx, r, p[0]);
         }},
        // Anyone holding a result (its QR code) verifies it without an account.
        {"GET", "/api/v1/results/{id}/verification",
         [ctx](const Request& r, const PathParams& p) {
             return results::GetVerification(*ctx, r, p[0]);
         },
         Caller::kAnyone},
        {"POST", "/api/v1/results/{id}/verification",
         [ctx](const Request& r, const PathParams& p) { return results::CheckFile(*ctx, r, p[0]); },
         Caller::kAnyone},
        {"POST", "/api/v1/results/{id}/revocation",
         [ctx](const Request& r, const PathParams& p) {
             return results::RevokeResult(*ctx, r, p[0]);
         }},
        // The applicants' data store (kho dữ liệu).
        {"GET", "/api/v1/me/documents",
         [ctx](const Request& r, const PathParams&) {
             return documents::ListMyDocuments(*ctx, r);
         }},
        {"GET", "/api/v1/documents/{id}",
         [ctx](const Request& r, const PathParams& p) {
             return documents::GetDocument(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/documents/{id}/files/{sha256}",
         [ctx](const Request& r, const PathParams& p) {
             return documents::DownloadDocumentFile(*ctx, r, p[0], p[1]);
         }},
        {"GET", "/api/v1/dossiers/{code}/reusable-documents",
         [ctx](const Request& r, const PathParams& p) {
             return documents::ListReusableDocuments(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/files/{sha256}",
         [ctx](const Request& r, const PathParams& p) {
             return dossiers::DownloadFile(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/indicators/766",
         [ctx](const Request& r, const PathParams&) { return indicators::GetIndex766(*ctx, r); },
         Caller::kAnyone},
        {"GET", "/api/v1/indicators/766/ranking",
         [ctx](const Request& r, const PathParams&) { return indicators::GetRanking(*ctx, r); },
         Caller::kAnyone},
        {"GET", "/api/v1/indicators/766/trend",
         [ctx](const Request& r, const PathParams&) { return indicators::GetTrend(*ctx, r); },
         Caller::kAnyone},
        {"GET", "/api/v1/indicators/766/dossiers",
         [ctx](const Request& r, const PathParams&) { return indicators::GetDrilldown(*ctx, r); }},
        {"GET", "/api/v1/indicators/plan",
         [ctx](const Request& r, const PathParams&) {
             return indicators::GetPlanIndicators(*ctx, r);
         },
         Caller::kAnyone},
        {"GET", "/api/v1/reports/monthly",
         [ctx](const Request& r, const PathParams&) { return reports::GetMonthlyReport(*ctx, r); }},
        {"GET", "/api/v1/reports/public",
         [ctx](const Request& r, const PathParams&) { return reports::GetPublicReport(*ctx, r); },
         Caller::kAnyone},
        {"POST", "/api/v1/import/agencies",
         [ctx](const Request& r, const PathParams&) {
             return imports::ImportCatalog(*ctx, r, true);
         }},
        {"POST", "/api/v1/import/dossiers",
         [ctx](const Request& r, const PathParams&) { return imports::ImportDossiers(*ctx, r); }},
        {"POST", "/api/v1/import/procedures",
         [ctx](const Request& r, const PathParams&) {
             return imports::ImportCatalog(*ctx, r, false);
         }},
    };
}

}  // namespace motcua::api
