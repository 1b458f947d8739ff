// AppServices: the services of one process, built over the opened database with the settings
// that configure them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/connector_set.hpp"
#include "common/clock.hpp"
#include "services/accounts/account_service.hpp"
#include "services/audit/audit_service.hpp"
#include "services/auth/auth_service.hpp"
#include "services/calendar/calendar_service.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/documents/data_store.hpp"
#include "services/dossiers/attachment_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/dossiers/history_import.hpp"
#include "services/dossiers/orphan_files.hpp"
#include "services/dossiers/printed_forms.hpp"
#include "services/indicators/drilldown_service.hpp"
#include "services/indicators/indicator_service.hpp"
#include "services/indicators/report_service.hpp"
#include "services/outbox/outbox_service.hpp"
#include "services/outbox/sync_reconciliation.hpp"
#include "services/payments/daybook.hpp"
#include "services/payments/payment_check_connector.hpp"
#include "services/payments/payment_service.hpp"
#include "services/payments/receipts.hpp"
#include "services/payments/reconciliation.hpp"
#include "services/payments/refunds.hpp"
#include "services/portal/portal_intake.hpp"
#include "services/results/e_results.hpp"
#include "storage/database.hpp"
#include "storage/file_store.hpp"

namespace motcua::app {

struct AppServices {
    AppServices(storage::Database& database, const Clock& clock, const AppConfig& config,
                const std::string& audit_key, ConnectorSet connector_set);

    storage::Database& database_ref;
    const Clock& clock_ref;
    services::HashCost hash_cost;
    ConnectorSet connectors;  // Before `dossiers`, whose events they hear.
    services::CatalogService catalog;
    services::LoginThrottle throttle;
    services::SessionCache sessions;
    services::AuthService auth;
    services::AccountService accounts;
    services::AuditService audit;
    services::CalendarService calendar;
    services::DossierService dossiers;
    services::PrintedForms printed_forms{dossiers};
    services::HistoryImporter history_import{database_ref, catalog, dossiers, clock_ref};
    storage::DirectoryFileStore files;
    services::AttachmentService attachments;
    services::OrphanFiles orphan_files;
    services::IndicatorService indicators{database_ref, catalog, clock_ref};
    services::ReportService reports{database_ref, catalog, indicators, clock_ref};
    services::DrilldownService drilldown{database_ref, catalog, clock_ref};
    services::OutboxService outbox{database_ref, catalog, clock_ref};
    services::SyncReconciliationService sync{database_ref, catalog, clock_ref};
    // Dossiers and catalogue taken in from the national portal (pulls refused when it is off).
    services::PortalIntake portal_intake;
    // Online payment through the configured gateways, and the outbox's checks of their orders.
    services::PaymentService payments;
    std::vector<std::unique_ptr<services::PaymentCheckConnector>> payment_checks;
    services::PaymentDaybook daybook{database_ref, catalog, clock_ref};
    services::PaymentRefunds refunds{database_ref, catalog, clock_ref};
    services::PaymentReceipts receipts{database_ref, catalog, dossiers};
    services::PaymentReconciliation reconciliation{database_ref, catalog, payments, clock_ref};
    // Signed electronic results and their public verification.
    services::EResults e_results;
    // The applicants' data store (kho dữ liệu): their stored results and scans.
    services::DataStore data_store{database_ref, catalog, dossiers, files, clock_ref};
};

}  // namespace motcua::app
