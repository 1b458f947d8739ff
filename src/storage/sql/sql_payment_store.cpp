#include "storage/sql/sql_payment_store.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kOrderColumns =
    "SELECT id, reference, dossier_id, dossier_code, agency, amount, fees_amount, "
    "charges_amount, items, status, gateway, created_at, created_by, paid_at FROM payment_orders";

constexpr std::string_view kEntryColumns =
    "SELECT id, order_id, dossier_id, dossier_code, agency, kind, channel, amount, gateway_txn, "
    "business_date, recorded_at, recorded_by, reason, refund_of FROM payments";

std::string TextOrEmpty(const Statement& row, int column) {
    return row.IsColumnNull(column) ? std::string() : row.ColumnText(column);
}

std::int64_t IntOrZero(const Statement& row, int column) {
    return row.IsColumnNull(column) ? 0 : row.ColumnInt(column);
}

PaymentOrder ReadOrder(const Statement& row) {
    PaymentOrder order;
    order.id = row.ColumnInt(0);
    order.reference = row.ColumnText(1);
    order.dossier_id = row.ColumnInt(2);
    order.dossier_code = row.ColumnText(3);
    order.agency = row.ColumnText(4);
    order.amount = row.ColumnInt(5);
    order.fees_amount = row.ColumnInt(6);
    order.charges_amount = row.ColumnInt(7);
    order.items_json = row.ColumnText(8);
    order.status = row.ColumnText(9);
    order.gateway = TextOrEmpty(row, 10);
    order.created_at = row.ColumnText(11);
    order.created_by = row.ColumnText(12);
    order.paid_at = TextOrEmpty(row, 13);
    return order;
}

LedgerEntry ReadEntry(const Statement& row) {
    LedgerEntry entry;
    entry.id = row.ColumnInt(0);
    entry.order_id = IntOrZero(row, 1);
    entry.dossier_id = row.ColumnInt(2);
    entry.dossier_code = row.ColumnText(3);
    entry.agency = row.ColumnText(4);
    entry.kind = row.ColumnText(5);
    entry.channel = row.ColumnText(6);
    entry.amount = row.ColumnInt(7);
    entry.gateway_txn = TextOrEmpty(row, 8);
    entry.business_date = row.ColumnText(9);
    entry.recorded_at = row.ColumnText(10);
    entry.recorded_by = row.ColumnText(11);
    entry.reason = TextOrEmpty(row, 12);
    entry.refund_of = IntOrZero(row, 13);
    return entry;
}

Statement& BindIdOrNull(Statement& statement, int index, std::int64_t id) {
    return id == 0 ? statement.BindNull(index) : statement.Bind(index, id);
}

}  // namespace

Outcome<std::int64_t> SqlPaymentStore::InsertOrder(const PaymentOrder& order) {
    auto insert = session_.Prepare(
        "INSERT INTO payment_orders (reference, dossier_id, dossier_code, agency, amount, "
        "fees_amount, charges_amount, items, status, gateway, created_at, created_by, paid_at) "
        "VALUES (?1, ?2::bigint, ?3, ?4, ?5::bigint, ?6::bigint, ?7::bigint, ?8, ?9, ?10, ?11, "
        "?12, ?13) ON CONFLICT (reference) DO NOTHING RETURNING id");
    insert.Bind(1, order.reference).Bind(2, order.dossier_id).Bind(3, order.dossier_code);
    insert.Bind(4, order.agency).Bind(5, order.amount).Bind(6, order.fees_amount);
    insert.Bind(7, order.charges_amount).Bind(8, order.items_json).Bind(9, order.status);
    insert.BindOrNull(10, order.gateway).Bind(11, order.created_at).Bind(12, order.created_by);
    insert.BindOrNull(13, order.paid_at);
    if (!insert.Step()) {
        return MakeError(ErrorKind::kConflict, "duplicate_reference", "reference");
    }
    return insert.ColumnInt(0);
}

Outcome<std::optional<PaymentOrder>> SqlPaymentStore::FindOrderWhere(const std::string& reference,
                                                                     bool for_update) {
    auto select = session_.Prepare(std::string(kOrderColumns) + " WHERE reference = ?1" +
                                   (for_update ? "{for_update}" : ""));
    select.Bind(1, reference);
    if (!select.Step()) {
        return std::optional<PaymentOrder>();
    }
    return std::optional<PaymentOrder>(ReadOrder(select));
}

Outcome<std::optional<PaymentOrder>> SqlPaymentStore::FindOrder(const std::string& reference) {
    return FindOrderWhere(reference, false);
}

Outcome<std::optional<PaymentOrder>> SqlPaymentStore::FindOrderForUpdate(
    const std::string& reference) {
    return FindOrderWhere(reference, true);
}

Outcome<std::vector<PaymentOrder>> SqlPaymentStore::OrdersOfDossier(std::int64_t dossier_id) {
    auto select = session_.Prepare(std::string(kOrderColumns) +
                                   " WHERE dossier_id = ?1::bigint ORDER BY id DESC");
    select.Bind(1, dossier_id);
    std::vector<PaymentOrder> orders;
    while (select.Step()) {
        orders.push_back(ReadOrder(select));
    }
    return orders;
}

Outcome<std::vector<PaymentOrder>> SqlPaymentStore::OpenOrders(const std::string& gateway,
                                                               const std::string& created_before,
                                                               int limit) {
    auto select = session_.Prepare(std::string(kOrderColumns) +
                                   " WHERE status = 'open' AND gateway = ?1 AND created_at <= ?2 "
                                   "ORDER BY id LIMIT ?3::bigint");
    select.Bind(1, gateway).Bind(2, created_before).Bind(3, std::int64_t{limit});
    std::vector<PaymentOrder> orders;
    while (select.Step()) {
        orders.push_back(ReadOrder(select));
    }
    return orders;
}

Outcome<Done> SqlPaymentStore::UpdateOrder(std::int64_t id, const std::string& status,
                                           const std::string& gateway, const std::string& paid_at) {
    auto update = session_.Prepare(
        "UPDATE payment_orders SET status = ?2, gateway = coalesce(?3, gateway), "
        "paid_at = coalesce(?4, paid_at) WHERE id = ?1::bigint");
    update.Bind(1, id).Bind(2, status).BindOrNull(3, gateway).BindOrNull(4, paid_at);
    update.Run();
    return Done{};
}

Outcome<std::int64_t> SqlPaymentStore::RecordEntry(const LedgerEntry& entry) {
    auto insert = session_.Prepare(
        "INSERT INTO payments (order_id, dossier_id, dossier_code, agency, kind, channel, amount, "
        "gateway_txn, business_date, recorded_at, recorded_by, reason, refund_of) VALUES "
        "(?1::bigint, ?2::bigint, ?3, ?4, ?5, ?6, ?7::bigint, ?8, ?9, ?10, ?11, ?12, ?13::bigint) "
        "ON CONFLICT DO NOTHING RETURNING id");
    BindIdOrNull(insert, 1, entry.order_id).Bind(2, entry.dossier_id).Bind(3, entry.dossier_code);
    insert.Bind(4, entry.agency).Bind(5, entry.kind).Bind(6, entry.channel).Bind(7, entry.amount);
    insert.BindOrNull(8, entry.gateway_txn).Bind(9, entry.business_date);
    insert.Bind(10, entry.recorded_at).Bind(11, entry.recorded_by).BindOrNull(12, entry.reason);
    BindIdOrNull(insert, 13, entry.refund_of);
    if (!insert.Step()) {
        return MakeError(ErrorKind::kConflict, "already_recorded");
    }
    return insert.ColumnInt(0);
}

Outcome<std::optional<LedgerEntry>> SqlPaymentStore::FindEntry(std::int64_t id) {
    auto select = session_.Prepare(std::string(kEntryColumns) + " WHERE id = ?1::bigint");
    select.Bind(1, id);
    if (!select.Step()) {
        return std::optional<LedgerEntry>();
    }
    return std::optional<LedgerEntry>(ReadEntry(select));
}

Outcome<std::vector<LedgerEntry>> SqlPaymentStore::ListEntries(const LedgerFilter& filter) {
    auto select = session_.Prepare(
        std::string(kEntryColumns) +
        " WHERE (?1::text = '' OR agency = ?1) AND (?2::text = '' OR channel = ?2) "
        "AND (?3::text = '' OR business_date = ?3) AND (?4::bigint = 0 OR dossier_id = ?4) "
        "AND id > ?5::bigint ORDER BY id LIMIT ?6::bigint");
    select.Bind(1, filter.agency).Bind(2, filter.channel).Bind(3, filter.business_date);
    select.Bind(4, filter.dossier_id).Bind(5, filter.after_id);
    select.Bind(6, std::int64_t{filter.limit});
    std::vector<LedgerEntry> entries;
    while (select.Step()) {
        entries.push_back(ReadEntry(select));
    }
    return entries;
}

Outcome<std::int64_t> SqlPaymentStore::InsertClosing(const DaybookClosing& closing) {
    auto insert = session_.Prepare(
        "INSERT INTO payment_closings (agency, business_date, closed_at, closed_by, "
        "last_entry_id, entries, payments, refunds, cash_expected, cash_counted, note) VALUES "
        "(?1, ?2, ?3, ?4, ?5::bigint, ?6::bigint, ?7::bigint, ?8::bigint, ?9::bigint, "
        "?10::bigint, ?11) ON CONFLICT (agency, business_date) DO NOTHING RETURNING id");
    insert.Bind(1, closing.agency).Bind(2, closing.business_date).Bind(3, closing.closed_at);
    insert.Bind(4, closing.closed_by).Bind(5, closing.last_entry_id);
    insert.Bind(6, std::int64_t{closing.entries}).Bind(7, closing.payments);
    insert.Bind(8, closing.refunds).Bind(9, closing.cash_expected);
    insert.Bind(10, closing.cash_counted).BindOrNull(11, closing.note);
    if (!insert.Step()) {
        return MakeError(ErrorKind::kConflict, "already_closed", "date");
    }
    return insert.ColumnInt(0);
}

Outcome<std::optional<DaybookClosing>> SqlPaymentStore::FindClosing(
    const std::string& agency, const std::string& business_date) {
    auto select = session_.Prepare(
        "SELECT id, agency, business_date, closed_at, closed_by, last_entry_id, entries, "
        "payments, refunds, cash_expected, cash_counted, note FROM payment_closings "
        "WHERE agency = ?1 AND business_date = ?2");
    select.Bind(1, agency).Bind(2, business_date);
    if (!select.Step()) {
        return std::optional<DaybookClosing>();
    }
    DaybookClosing closing;
    closing.id = select.ColumnInt(0);
    closing.agency = select.ColumnText(1);
    closing.business_date = select.ColumnText(2);
    closing.closed_at = select.ColumnText(3);
    closing.closed_by = select.ColumnText(4);
    closing.last_entry_id = select.ColumnInt(5);
    closing.entries = static_cast<int>(select.ColumnInt(6));
    closing.payments = select.ColumnInt(7);
    closing.refunds = select.ColumnInt(8);
    closing.cash_expected = select.ColumnInt(9);
    closing.cash_counted = select.ColumnInt(10);
    closing.note = TextOrEmpty(select, 11);
    return std::optional<DaybookClosing>(std::move(closing));
}

}  // namespace motcua::storage::sql
