// The cashier's daily book (sổ thu, docs/payments.md §5): every movement of money an agency's
// subtree recorded on one business day in Vietnam — online, at the desk, refunds — with totals
// per channel, for the cashier's daily closing and the head's check. Reading it is audited: it
// names dossiers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/database.hpp"
#include "storage/payment_store.hpp"

namespace motcua::services {

struct DaybookChannel {
    std::string channel;
    std::int64_t payments = 0;  // Đồng received.
    std::int64_t refunds = 0;   // Đồng paid back.
    int count = 0;
};

struct Daybook {
    std::string agency;
    std::string date;                           // YYYY-MM-DD in Vietnam.
    std::vector<storage::LedgerEntry> entries;  // In the order they were recorded.
    std::vector<DaybookChannel> channels;       // Sorted by channel name.
    std::int64_t payments = 0;
    std::int64_t refunds = 0;
    std::int64_t cash = 0;  // Cash received less cash paid back: what the drawer should hold.
    std::optional<storage::DaybookClosing> closing;  // When the day was closed.
};

/// What the cashier declares when closing the day.
struct ClosingClaim {
    std::string agency;
    std::string date;               // Empty: today in Vietnam.
    std::int64_t cash_counted = 0;  // Đồng in the drawer.
    std::string note;
};

class PaymentDaybook {
public:
    PaymentDaybook(storage::Database& database, CatalogService& catalog, const Clock& clock)
        : database_(database), catalog_(catalog), clock_(clock) {}

    /// The book of `agency`'s subtree on `date` (empty: today in Vietnam), for whoever collects
    /// payments there or reads its indicators. 400 invalid_parameter on an unknown agency or a
    /// malformed date.
    Outcome<Daybook> Read(const domain::Actor& actor, const std::string& agency,
                          const std::string& date);
    /// Closes the day's book of `claim.agency`'s subtree (chốt sổ, docs/payments.md §5): records
    /// its newest row, count and totals as they stand, with the cash counted against the cash
    /// expected, once; rows recorded later show after the closing. For whoever collects payments
    /// there. 400 invalid_parameter (agency, date malformed or to come), 400 invalid_closing
    /// (cash_counted negative, note over 1000 bytes), 409 already_closed. Audited `payment.close`.
    Outcome<storage::DaybookClosing> Close(const domain::Actor& actor, const ClosingClaim& claim);

private:
    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
};

}  // namespace motcua::services
