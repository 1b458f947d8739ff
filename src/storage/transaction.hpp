// Transaction: the stores a service uses inside one atomic unit of work. A write transaction
// commits everything it did or nothing, and is durable when Database::Write returns success.
//   database.Write([&](storage::Transaction& tx) -> Outcome<Done> {
//       auto id = tx.Accounts().Insert(account); ... tx.Audit().Append(record); ...
//   });
#pragma once

#include <functional>

#include "storage/account_store.hpp"
#include "storage/audit_store.hpp"
#include "storage/calendar_store.hpp"
#include "storage/catalog_repository.hpp"
#include "storage/dossier_store.hpp"
#include "storage/e_result_store.hpp"
#include "storage/file_link_store.hpp"
#include "storage/indicator_store.hpp"
#include "storage/outbox_store.hpp"
#include "storage/payment_store.hpp"
#include "storage/portal_inbox_store.hpp"
#include "storage/stored_document_store.hpp"
#include "storage/sync_report_store.hpp"

namespace motcua::storage {

class Transaction {
public:
    virtual ~Transaction() = default;
    virtual AccountStore& Accounts() = 0;
    virtual SessionStore& Sessions() = 0;
    virtual AuditStore& Audit() = 0;
    virtual CatalogStore& Catalog() = 0;
    virtual CalendarStore& Calendar() = 0;
    virtual DossierStore& Dossiers() = 0;
    virtual IndicatorStore& Indicators() = 0;
    virtual FileLinkStore& FileLinks() = 0;
    virtual OutboxStore& Outbox() = 0;
    virtual SyncReportStore& SyncReports() = 0;
    virtual PortalInboxStore& PortalInbox() = 0;
    virtual PaymentStore& Payments() = 0;
    virtual EResultStore& EResults() = 0;
    virtual StoredDocumentStore& StoredDocuments() = 0;
    /// Runs `work` in a nested savepoint: when it fails, what it did is undone and the rest of
    /// the transaction goes on (one bad line of an import does not undo the good ones).
    virtual Outcome<Done> Isolated(const std::function<Outcome<Done>()>& work) = 0;
};

}  // namespace motcua::storage
