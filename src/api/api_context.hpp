// ApiContext: what every handler may use — the services (one call per request) and the error
// renderer. Built once by the composition root.
#pragma once

#include <boost/json/fwd.hpp>

#include "api/errors.hpp"
#include "api/http_types.hpp"
#include "services/accounts/account_service.hpp"
#include "services/audit/audit_service.hpp"
#include "services/auth/auth_service.hpp"
#include "services/calendar/calendar_service.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/attachment_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/dossiers/history_import.hpp"
#include "services/dossiers/printed_forms.hpp"
#include "services/indicators/drilldown_service.hpp"
#include "services/indicators/indicator_service.hpp"
#include "services/indicators/report_service.hpp"
#include "services/outbox/outbox_service.hpp"
#include "services/outbox/sync_reconciliation.hpp"
#include "services/payments/daybook.hpp"
#include "services/payments/payment_service.hpp"
#include "services/payments/receipts.hpp"
#include "services/payments/reconciliation.hpp"
#include "services/payments/refunds.hpp"
#include "services/portal/portal_intake.hpp"

namespace motcua::services {
class EResults;
class DataStore;
}  // namespace motcua::services

namespace motcua::api {

/// How the browser session cookie is written.
struct CookieOptions {
    bool secure = false;  // Set when served over HTTPS (behind a TLS-terminating proxy).
    std::chrono::minutes lifetime{8 * 60};
};

struct ApiContext {
    services::CatalogService& catalog;
    const ErrorRenderer& errors;
    services::AuthService* auth = nullptr;
    services::AccountService* accounts = nullptr;
    services::AuditService* audit = nullptr;
    services::DossierService* dossiers = nullptr;
    services::PrintedForms* printed_forms = nullptr;
    services::HistoryImporter* history_import = nullptr;
    services::CalendarService* calendar = nullptr;
    services::AttachmentService* attachments = nullptr;
    services::IndicatorService* indicators = nullptr;
    services::ReportService* reports = nullptr;
    services::DrilldownService* drilldown = nullptr;
    services::OutboxService* outbox = nullptr;
    services::SyncReconciliationService* sync = nullptr;
    services::PortalIntake* portal = nullptr;  // Null unless the national portal is connected.
    services::PaymentService* payments = nullptr;
    services::PaymentDaybook* daybook = nullptr;
    services::PaymentRefunds* refunds = nullptr;
    services::PaymentReceipts* receipts = nullptr;
    services::EResults* e_results = nullptr;    // Signed results (services/results/e_results.hpp).
    services::DataStore* data_store = nullptr;  // services/documents/data_store.hpp.
    services::PaymentReconciliation* reconciliation = nullptr;
    CookieOptions cookie;
};

/// Returns a 200 (or `status`) JSON response with `body` serialized.
Response JsonResponse(const boost::json::value& body, int status = 200);

}  // namespace motcua::api
