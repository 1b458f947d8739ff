// SqlTransaction: the stores of one transaction (storage/transaction.hpp), each working on the
// transaction's Session, for both backends. The backend's runner begins the transaction, runs
// the work, calls BeforeCommit and commits — or rolls back when any of it fails.
#pragma once

#include <string>

#include "storage/sql/sql_account_store.hpp"
#include "storage/sql/sql_audit_store.hpp"
#include "storage/sql/sql_calendar_store.hpp"
#include "storage/sql/sql_catalog_store.hpp"
#include "storage/sql/sql_dossier_store.hpp"
#include "storage/sql/sql_e_result_store.hpp"
#include "storage/sql/sql_file_link_store.hpp"
#include "storage/sql/sql_indicator_store.hpp"
#include "storage/sql/sql_outbox_store.hpp"
#include "storage/sql/sql_payment_store.hpp"
#include "storage/sql/sql_portal_inbox_store.hpp"
#include "storage/sql/sql_stored_document_store.hpp"
#include "storage/sql/sql_sync_report_store.hpp"
#include "storage/transaction.hpp"

namespace motcua::storage::sql {

class SqlTransaction final : public Transaction {
public:
    SqlTransaction(Session& session, const std::string& audit_key)
        : session_(session),
          accounts_(session),
          sessions_(session),
          audit_(session, audit_key),
          catalog_(session),
          dossiers_(session),
          calendar_(session),
          indicators_(session),
          file_links_(session),
          outbox_(session),
          sync_reports_(session),
          portal_inbox_(session),
          payments_(session),
          e_results_(session),
          stored_documents_(session) {}
    AccountStore& Accounts() override { return accounts_; }
    SessionStore& Sessions() override { return sessions_; }
    AuditStore& Audit() override { return audit_; }
    CatalogStore& Catalog() override { return catalog_; }
    DossierStore& Dossiers() override { return dossiers_; }
    CalendarStore& Calendar() override { return calendar_; }
    IndicatorStore& Indicators() override { return indicators_; }
    FileLinkStore& FileLinks() override { return file_links_; }
    OutboxStore& Outbox() override { return outbox_; }
    SyncReportStore& SyncReports() override { return sync_reports_; }
    PortalInboxStore& PortalInbox() override { return portal_inbox_; }
    PaymentStore& Payments() override { return payments_; }
    EResultStore& EResults() override { return e_results_; }
    StoredDocumentStore& StoredDocuments() override { return stored_documents_; }
    /// Runs `work` inside a SAVEPOINT; rolls back to it when `work` fails or throws.
    Outcome<Done> Isolated(const std::function<Outcome<Done>()>& work) override;
    /// The last step of a writing transaction before its commit: the held audit records are
    /// chained and written.
    Outcome<Done> BeforeCommit() { return audit_.BeforeCommit(); }

private:
    Session& session_;
    int savepoints_ = 0;  // Names nested savepoints apart.
    SqlAccountStore accounts_;
    SqlSessionStore sessions_;
    SqlAuditStore audit_;
    SqlCatalogStore catalog_;
    SqlDossierStore dossiers_;
    SqlCalendarStore calendar_;
    SqlIndicatorStore indicators_;
    SqlFileLinkStore file_links_;
    SqlOutboxStore outbox_;
    SqlSyncReportStore sync_reports_;
    SqlPortalInboxStore portal_inbox_;
    SqlPaymentStore payments_;
    SqlEResultStore e_results_;
    SqlStoredDocumentStore stored_documents_;
};

}  // namespace motcua::storage::sql
