// PaymentStore: payment orders and the ledger (docs/payments.md). An order is what a dossier is
// asked to pay at one time, under the reference a gateway knows it by; the ledger records every
// movement of money as a row that is never changed. The store keeps the ledger's two promises
// with unique indexes whatever the callers do: at most one payment per order, and a gateway
// transaction credited at most once (RecordPayment answers kConflict otherwise).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::storage {

/// status: "open" (waiting for its payment), "paid", or "cancelled" (replaced by a newer order
/// of the same dossier, or withdrawn).
struct PaymentOrder {
    std::int64_t id = 0;
    std::string reference;  // [A-Z0-9]{1,32}, unique: vnp_TxnRef, MaThamChieu.
    std::int64_t dossier_id = 0;
    std::string dossier_code;
    std::string agency;  // The agency that collects (the dossier's receiving agency).
    std::int64_t amount = 0;
    std::int64_t fees_amount = 0;     // Lệ phí part.
    std::int64_t charges_amount = 0;  // Phí part.
    std::string items_json;           // The amount due's lines (domain/catalog/fee_due.hpp).
    std::string status = "open";
    std::string gateway;  // "vnpay", "payment_platform"; empty until sent to one.
    std::string created_at;
    std::string created_by;
    std::string paid_at;  // Empty while not paid.
};

/// One movement of money. kind: "payment" or "refund"; channel: "vnpay", "payment_platform",
/// "cash", "card" or "transfer".
struct LedgerEntry {
    std::int64_t id = 0;
    std::int64_t order_id = 0;  // 0: none (a refund points at its payment instead).
    std::int64_t dossier_id = 0;
    std::string dossier_code;
    std::string agency;
    std::string kind = "payment";
    std::string channel;
    std::int64_t amount = 0;    // Đồng, positive; a refund's is what goes back.
    std::string gateway_txn;    // Gateway transaction, card terminal or transfer reference.
    std::string business_date;  // YYYY-MM-DD in Vietnam: the cashier's day, the reconciliation day.
    std::string recorded_at;
    std::string recorded_by;  // A login, or the connector that confirmed it.
    std::string reason;       // A refund's.
    std::int64_t refund_of = 0;
};

struct LedgerFilter {
    std::string agency;           // Empty: every agency.
    std::string channel;          // Empty: every channel.
    std::string business_date;    // Empty: every day.
    std::int64_t dossier_id = 0;  // 0: every dossier.
    std::int64_t after_id = 0;
    int limit = 1000;
};

/// A cashier's daily closing (chốt sổ thu, docs/payments.md §5): the day's book of an agency's
/// subtree as it stood when closed, with the cash the cashier counted. Recorded once per agency
/// and day, never changed.
struct DaybookClosing {
    std::int64_t id = 0;
    std::string agency;
    std::string business_date;
    std::string closed_at;
    std::string closed_by;
    std::int64_t last_entry_id = 0;  // The book's newest row when closed; later rows come after.
    int entries = 0;
    std::int64_t payments = 0;
    std::int64_t refunds = 0;
    std::int64_t cash_expected = 0;  // Cash received less cash paid back.
    std::int64_t cash_counted = 0;
    std::string note;
};

class PaymentStore {
public:
    virtual ~PaymentStore() = default;
    /// Inserts an open order; returns its id. kConflict "duplicate_reference" when the
    /// reference is taken.
    virtual Outcome<std::int64_t> InsertOrder(const PaymentOrder& order) = 0;
    virtual Outcome<std::optional<PaymentOrder>> FindOrder(const std::string& reference) = 0;
    /// The order, locked for update on PostgreSQL (two callbacks for one order settle one at a
    /// time).
    virtual Outcome<std::optional<PaymentOrder>> FindOrderForUpdate(
        const std::string& reference) = 0;
    /// A dossier's orders, newest first.
    virtual Outcome<std::vector<PaymentOrder>> OrdersOfDossier(std::int64_t dossier_id) = 0;
    /// Open orders sent to `gateway` created at or before `created_before`, oldest first: what
    /// the polling job asks the gateway about.
    virtual Outcome<std::vector<PaymentOrder>> OpenOrders(const std::string& gateway,
                                                          const std::string& created_before,
                                                          int limit) = 0;
    /// Sets the status (and gateway, paid_at when not empty) of order `id`.
    virtual Outcome<Done> UpdateOrder(std::int64_t id, const std::string& status,
                                      const std::string& gateway, const std::string& paid_at) = 0;
    /// Appends a ledger row; returns its id. kConflict "already_recorded" when the order already
    /// has its payment, the gateway transaction was credited, or the payment was refunded.
    virtual Outcome<std::int64_t> RecordEntry(const LedgerEntry& entry) = 0;
    virtual Outcome<std::optional<LedgerEntry>> FindEntry(std::int64_t id) = 0;
    /// Ledger rows in id order after `after_id`.
    virtual Outcome<std::vector<LedgerEntry>> ListEntries(const LedgerFilter& filter) = 0;
    /// Records a closing; returns its id. kConflict "already_closed" when the agency's day is.
    virtual Outcome<std::int64_t> InsertClosing(const DaybookClosing& closing) = 0;
    virtual Outcome<std::optional<DaybookClosing>> FindClosing(
        const std::string& agency, const std::string& business_date) = 0;
};

}  // namespace motcua::storage
