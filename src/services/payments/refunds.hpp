// Refunds at the desk (docs/payments.md §4): a cashier pays back all or part of one payment —
// in cash, by card or by transfer — with the reason written down. The refund is a ledger row of
// its own, pointing at the payment, recorded once; the dossier's record is not changed (what it
// was asked to pay and what was paid stand), and the day's book counts the money going back.
#pragma once

#include <cstdint>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "domain/payments/refund_rule.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/database.hpp"
#include "storage/payment_store.hpp"

namespace motcua::services {

class PaymentRefunds {
public:
    PaymentRefunds(storage::Database& database, CatalogService& catalog, const Clock& clock)
        : database_(database), catalog_(catalog), clock_(clock) {}

    /// Refunds ledger row `payment_id` for whoever collects payments where it was taken. 404
    /// payment_not_found (also a refund's row), 400 invalid_refund (domain/payments/
    /// refund_rule.hpp), 409 already_refunded when the payment was refunded before. Audited
    /// `payment.refund`.
    Outcome<storage::LedgerEntry> Refund(const domain::Actor& actor, std::int64_t payment_id,
                                         const domain::RefundClaim& claim);

private:
    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
};

}  // namespace motcua::services
