// Reconciliation (đối soát, docs/payments.md §6): one gateway's transactions of one day, from its
// signed report, against the ledger — so the province can show that every đồng the gateway took
// is in the ledger and the other way round. Items are matched by the order's reference; what is
// left over is listed: missing (the gateway took money the ledger does not hold), extra (the
// ledger credits what the gateway does not report) and mismatched (both, not the same amount or
// transaction). Credits that no dossier took (paid to a dossier that no longer owed them) are
// listed too, as money to refund.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/payments/payment_service.hpp"
#include "storage/database.hpp"

namespace motcua::services {

/// One transaction as the gateway and the ledger know it.
struct ReconciliationItem {
    std::string reference;
    std::string dossier_code;  // Empty when no order has the reference.
    std::string gateway_txn;   // Empty when the gateway does not report it.
    std::int64_t gateway_amount = 0;
    std::int64_t ledger_id = 0;  // 0 when the ledger does not hold it.
    std::string ledger_txn;
    std::int64_t ledger_amount = 0;
    std::string recorded_on;  // The ledger row's day, when not the day reconciled.
};

/// A payment the ledger holds beyond what its dossier took.
struct UnappliedCredit {
    std::string dossier_code;
    std::int64_t ledger_paid = 0;   // The dossier's payments in the ledger.
    std::int64_t dossier_paid = 0;  // What the dossier counts as paid.
    std::int64_t refunded = 0;      // Paid back already.
};

struct Reconciliation {
    std::string gateway;
    std::string date;  // YYYY-MM-DD in Vietnam.
    int gateway_count = 0;
    std::int64_t gateway_total = 0;
    int ledger_count = 0;
    std::int64_t ledger_total = 0;
    std::vector<ReconciliationItem> matched;
    std::vector<ReconciliationItem> missing;
    std::vector<ReconciliationItem> extra;
    std::vector<ReconciliationItem> mismatched;
    std::vector<UnappliedCredit> unapplied;
    bool Balanced() const { return missing.empty() && extra.empty() && mismatched.empty(); }
};

class PaymentReconciliation {
public:
    PaymentReconciliation(storage::Database& database, CatalogService& catalog,
                          PaymentService& payments, const Clock& clock)
        : database_(database), catalog_(catalog), payments_(payments), clock_(clock) {}

    /// Reconciles `gateway` on `date` (empty: today in Vietnam), for whoever reads the
    /// province's indicators. 400 unknown_gateway, 400 invalid_parameter (date malformed or to
    /// come), 503 gateway_unavailable when the gateway's report cannot be had. Audited
    /// `payment.reconciliation`.
    Outcome<Reconciliation> Run(const domain::Actor& actor, const std::string& gateway,
                                const std::string& date);

private:
    storage::Database& database_;
    CatalogService& catalog_;
    PaymentService& payments_;
    const Clock& clock_;
};

}  // namespace motcua::services
