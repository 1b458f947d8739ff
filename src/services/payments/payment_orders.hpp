// Payment orders (docs/payments.md §2): the order a `request_payment` opens for what a dossier
// still owes, item by item, and the references the gateways know orders by.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/catalog/procedure.hpp"
#include "domain/dossier/dossier.hpp"
#include "services/payments/payment_gateway.hpp"
#include "storage/payment_store.hpp"
#include "storage/transaction.hpp"

namespace motcua::services {

/// Opens the payment order of `dossier` (as stored: its id is known) for what it still owes, in
/// `transaction`, cancelling its older open orders. The items are the procedure's fee lines for
/// the dossier's copies and exemption; what was paid before is noted on the order and settles
/// its phí before its lệ phí. kInvalid "no_fee_due" (param action) when nothing is outstanding.
/// `gateway`: the order is sent to that gateway at `at` (each attempt to pay online has an order,
/// and a reference, of its own: a gateway takes a reference once).
Outcome<storage::PaymentOrder> OpenPaymentOrder(storage::Transaction& transaction,
                                                const domain::Dossier& dossier,
                                                const domain::Procedure& procedure, Instant at,
                                                const std::string& opened_by,
                                                const std::string& gateway = "");

/// Cancels the open orders of dossier `dossier_id` (it is paid in full).
Outcome<Done> CancelOpenOrders(storage::PaymentStore& payments, std::int64_t dossier_id);

/// The `sequence`th (1, 2, …) order of dossier `dossier_id`: "MC<id>N<sequence>", within the
/// gateways' reference alphabet ([A-Z0-9], at most 32 characters).
std::string PaymentReference(std::int64_t dossier_id, std::size_t sequence);

/// The items an order's items_json lists (empty when it cannot be read).
std::vector<GatewayOrderItem> ReadOrderItems(const std::string& items_json);

}  // namespace motcua::services
