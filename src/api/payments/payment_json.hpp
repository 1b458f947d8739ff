// The JSON of payment orders and ledger rows, as every payment endpoint writes them.
#pragma once

#include <boost/json.hpp>

#include "services/payments/payment_service.hpp"  // The storage types the services answer with.

namespace motcua::api::payments {

/// {reference, amount_vnd, fees_vnd, charges_vnd, items, status, gateway, created_at, paid_at}
boost::json::object OrderToJson(const storage::PaymentOrder& order);
/// {id, dossier, agency, kind, channel, amount_vnd, gateway_txn, business_date, recorded_at,
/// recorded_by, reason, refund_of}
boost::json::object EntryToJson(const storage::LedgerEntry& entry);
/// {agency, date, closed_at, closed_by, last_entry_id, entries, payments_vnd, refunds_vnd,
/// cash_expected_vnd, cash_counted_vnd, cash_difference_vnd, note}
boost::json::object ClosingToJson(const storage::DaybookClosing& closing);

}  // namespace motcua::api::payments
