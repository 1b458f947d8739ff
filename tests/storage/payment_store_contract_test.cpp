// The contract of payment orders and the ledger every backend must keep
// (storage/payment_store.hpp): references are unique, an order is paid at most once, a gateway
// transaction is credited at most once, a payment is refunded at most once — also when writers
// race — and the listings filter and page in id order.
#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "storage/storage_backends.hpp"

namespace motcua::storage {
namespace {

template <typename Backend>
using PaymentContract = testing::StorageContract<Backend>;
TYPED_TEST_SUITE(PaymentContract, testing::StorageBackends, testing::BackendName);

constexpr const char* kT0 = "2026-12-04T01:00:00.000000Z";
constexpr const char* kT1 = "2026-12-04T02:00:00.000000Z";

PaymentOrder Order(std::string reference, std::int64_t dossier_id = 7) {
    return {.reference = std::move(reference),
            .dossier_id = dossier_id,
            .dossier_code = "H32.01-261204-0001",
            .agency = "H32.01",
            .amount = 60000,
            .fees_amount = 50000,
            .charges_amount = 10000,
            .items_json = R"([{"kind":"fee","amount_vnd":50000}])",
            .gateway = "vnpay",
            .created_at = kT0,
            .created_by = "clerk01"};
}

LedgerEntry Payment(std::int64_t order_id, std::string txn, std::string channel = "vnpay") {
    return {.order_id = order_id,
            .dossier_id = 7,
            .dossier_code = "H32.01-261204-0001",
            .agency = "H32.01",
            .channel = std::move(channel),
            .amount = 60000,
            .gateway_txn = std::move(txn),
            .business_date = "2026-12-04",
            .recorded_at = kT1,
            .recorded_by = "vnpay"};
}

template <typename Db>
Outcome<std::int64_t> InsertOrder(Db& db, const PaymentOrder& order) {
    std::int64_t id = 0;
    auto written = db.Write([&](Transaction& t) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(id, t.Payments().InsertOrder(order));
        return Done{};
    });
    if (!written) {
        return written.GetError();
    }
    return id;
}

template <typename Db>
Outcome<std::int64_t> Record(Db& db, const LedgerEntry& entry) {
    std::int64_t id = 0;
    auto written = db.Write([&](Transaction& t) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(id, t.Payments().RecordEntry(entry));
        return Done{};
    });
    if (!written) {
        return written.GetError();
    }
    return id;
}

template <typename Db>
std::vector<LedgerEntry> Entries(Db& db, const LedgerFilter& filter) {
    std::vector<LedgerEntry> entries;
    EXPECT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(entries, t.Payments().ListEntries(filter));
                      return Done{};
                  }).HasValue());
    return entries;
}

TYPED_TEST(PaymentContract, AnOrderIsFoundByItsReferenceAndReferencesAreUnique) {
    auto& db = this->Db();
    const auto id = InsertOrder(db, Order("P000001"));
    ASSERT_TRUE(id.HasValue());
    const auto again = InsertOrder(db, Order("P000001", 8));
    ASSERT_FALSE(again.HasValue());
    EXPECT_EQ(again.GetError().code, "duplicate_reference");

    std::optional<PaymentOrder> found;
    ASSERT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(found, t.Payments().FindOrderForUpdate("P000001"));
                      return Done{};
                  }).HasValue());
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->id, id.Value());
    EXPECT_EQ(found->dossier_id, 7);
    EXPECT_EQ(found->amount, 60000);
    EXPECT_EQ(found->fees_amount, 50000);
    EXPECT_EQ(found->charges_amount, 10000);
    EXPECT_EQ(found->items_json, R"([{"kind":"fee","amount_vnd":50000}])");
    EXPECT_EQ(found->status, "open");
    EXPECT_EQ(found->gateway, "vnpay");
    EXPECT_EQ(found->paid_at, "");

    ASSERT_TRUE(db.Write([&](Transaction& t) {
                      return t.Payments().UpdateOrder(id.Value(), "paid", "", kT1);
                  }).HasValue());
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(found, t.Payments().FindOrder("P000001"));
                      return Done{};
                  }).HasValue());
    EXPECT_EQ(found->status, "paid");
    EXPECT_EQ(found->gateway, "vnpay");  // An empty gateway keeps the one set.
    EXPECT_EQ(found->paid_at, kT1);
}

TYPED_TEST(PaymentContract, AnOrderIsPaidOnceAndATransactionCreditedOnce) {
    auto& db = this->Db();
    const auto first = InsertOrder(db, Order("P000001")).Value();
    const auto second = InsertOrder(db, Order("P000002")).Value();
    ASSERT_TRUE(Record(db, Payment(first, "14000001")).HasValue());
    const auto same_order = Record(db, Payment(first, "14000002"));
    ASSERT_FALSE(same_order.HasValue());
    EXPECT_EQ(same_order.GetError().code, "already_recorded");
    const auto same_txn = Record(db, Payment(second, "14000001"));
    ASSERT_FALSE(same_txn.HasValue());
    EXPECT_EQ(same_txn.GetError().code, "already_recorded");
    // The same number from another gateway is another transaction.
    EXPECT_TRUE(Record(db, Payment(second, "14000001", "payment_platform")).HasValue());
    EXPECT_EQ(Entries(db, {}).size(), 2U);
}

TYPED_TEST(PaymentContract, APaymentIsRefundedOnce) {
    auto& db = this->Db();
    const auto order = InsertOrder(db, Order("P000001")).Value();
    const auto paid = Record(db, Payment(order, "14000001")).Value();
    LedgerEntry refund{.dossier_id = 7,
                       .dossier_code = "H32.01-261204-0001",
                       .agency = "H32.01",
                       .kind = "refund",
                       .channel = "cash",
                       .amount = 60000,
                       .business_date = "2026-12-05",
                       .recorded_at = kT1,
                       .recorded_by = "cashier01",
                       .reason = "Hồ sơ bị từ chối",
                       .refund_of = paid};
    const auto refunded = Record(db, refund);
    ASSERT_TRUE(refunded.HasValue());
    EXPECT_EQ(Record(db, refund).GetError().code, "already_recorded");
    std::optional<LedgerEntry> entry;
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(entry, t.Payments().FindEntry(refunded.Value()));
                      return Done{};
                  }).HasValue());
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->kind, "refund");
    EXPECT_EQ(entry->order_id, 0);
    EXPECT_EQ(entry->refund_of, paid);
    EXPECT_EQ(entry->reason, "Hồ sơ bị từ chối");
    EXPECT_EQ(entry->gateway_txn, "");
}

TYPED_TEST(PaymentContract, AnAgencysDayIsClosedOnceAndReadBack) {
    auto& db = this->Db();
    const DaybookClosing closing{.agency = "H32.01",
                                 .business_date = "2026-12-04",
                                 .closed_at = kT1,
                                 .closed_by = "cashier01",
                                 .last_entry_id = 42,
                                 .entries = 3,
                                 .payments = 180000,
                                 .refunds = 60000,
                                 .cash_expected = 120000,
                                 .cash_counted = 110000,
                                 .note = "Thiếu 10.000đ"};
    const auto insert = [&](const DaybookClosing& row) {
        return db.Write([&](Transaction& t) -> Outcome<Done> {
            MOTCUA_RETURN_IF_ERROR(t.Payments().InsertClosing(row));
            return Done{};
        });
    };
    ASSERT_TRUE(insert(closing).HasValue());
    EXPECT_EQ(insert(closing).GetError().code, "already_closed");
    DaybookClosing next_day = closing;
    next_day.business_date = "2026-12-05";
    next_day.note.clear();
    EXPECT_TRUE(insert(next_day).HasValue());
    std::optional<DaybookClosing> found;
    std::optional<DaybookClosing> absent;
    ASSERT_TRUE(
        db.Read([&](Transaction& t) -> Outcome<Done> {
              MOTCUA_ASSIGN_OR_RETURN(found, t.Payments().FindClosing("H32.01", "2026-12-04"));
              MOTCUA_ASSIGN_OR_RETURN(absent, t.Payments().FindClosing("H32.02", "2026-12-04"));
              return Done{};
          }).HasValue());
    ASSERT_TRUE(found.has_value());
    EXPECT_FALSE(absent.has_value());
    EXPECT_EQ(found->closed_by, "cashier01");
    EXPECT_EQ(found->last_entry_id, 42);
    EXPECT_EQ(found->entries, 3);
    EXPECT_EQ(found->payments, 180000);
    EXPECT_EQ(found->refunds, 60000);
    EXPECT_EQ(found->cash_expected, 120000);
    EXPECT_EQ(found->cash_counted, 110000);
    EXPECT_EQ(found->note, "Thiếu 10.000đ");
}

TYPED_TEST(PaymentContract, RacingWritersCreditAnOrderExactlyOnce) {
    auto& db = this->Db();
    const auto order = InsertOrder(db, Order("P000001")).Value();
    std::atomic<int> credited = 0;
    std::atomic<int> refused = 0;
    constexpr int kWriters = 8;
    std::vector<std::thread> writers;
    writers.reserve(kWriters);
    for (int n = 0; n < kWriters; ++n) {
        writers.emplace_back([&, n] {
            const auto recorded = Record(db, Payment(order, "1400000" + std::to_string(n)));
            if (recorded.HasValue()) {
                ++credited;
            } else if (recorded.GetError().code == "already_recorded") {
                ++refused;
            }
        });
    }
    for (auto& writer : writers) {
        writer.join();
    }
    EXPECT_EQ(credited.load(), 1);
    EXPECT_EQ(refused.load(), 7);
    EXPECT_EQ(Entries(db, {}).size(), 1U);
}

TYPED_TEST(PaymentContract, TheLedgerFiltersByAgencyChannelDayAndDossierAndPages) {
    auto& db = this->Db();
    for (int n = 1; n <= 4; ++n) {
        const auto order = InsertOrder(db, Order("P00000" + std::to_string(n), n)).Value();
        auto entry = Payment(order, "T" + std::to_string(n), n % 2 == 0 ? "cash" : "vnpay");
        entry.dossier_id = n;
        entry.business_date = n <= 3 ? "2026-12-04" : "2026-12-05";
        entry.agency = n == 1 ? "H32.02" : "H32.01";
        ASSERT_TRUE(Record(db, entry).HasValue());
    }
    EXPECT_EQ(Entries(db, {.agency = "H32.01"}).size(), 3U);
    EXPECT_EQ(Entries(db, {.channel = "cash"}).size(), 2U);
    EXPECT_EQ(Entries(db, {.business_date = "2026-12-04"}).size(), 3U);
    EXPECT_EQ(Entries(db, {.agency = "H32.01", .business_date = "2026-12-04"}).size(), 2U);
    ASSERT_EQ(Entries(db, {.dossier_id = 3}).size(), 1U);
    EXPECT_EQ(Entries(db, {.dossier_id = 3})[0].gateway_txn, "T3");
    const auto page = Entries(db, {.limit = 3});
    ASSERT_EQ(page.size(), 3U);
    const auto rest = Entries(db, {.after_id = page[2].id});
    ASSERT_EQ(rest.size(), 1U);
    EXPECT_EQ(rest[0].dossier_id, 4);
}

TYPED_TEST(PaymentContract, OpenOrdersOfAGatewayOldEnoughToAskAbout) {
    auto& db = this->Db();
    const auto paid = InsertOrder(db, Order("P000001")).Value();
    ASSERT_TRUE(InsertOrder(db, Order("P000002")).HasValue());
    auto platform = Order("P000003");
    platform.gateway = "payment_platform";
    ASSERT_TRUE(InsertOrder(db, platform).HasValue());
    auto later = Order("P000004");
    later.created_at = kT1;
    ASSERT_TRUE(InsertOrder(db, later).HasValue());
    ASSERT_TRUE(db.Write([&](Transaction& t) {
                      return t.Payments().UpdateOrder(paid, "paid", "", kT1);
                  }).HasValue());
    std::vector<PaymentOrder> open;
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(open, t.Payments().OpenOrders("vnpay", kT0, 10));
                      return Done{};
                  }).HasValue());
    ASSERT_EQ(open.size(), 1U);
    EXPECT_EQ(open[0].reference, "P000002");
    std::vector<PaymentOrder> of_dossier;
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(of_dossier, t.Payments().OrdersOfDossier(7));
                      return Done{};
                  }).HasValue());
    ASSERT_EQ(of_dossier.size(), 4U);
    EXPECT_EQ(of_dossier[0].reference, "P000004");  // Newest first.
}

}  // namespace
}  // namespace motcua::storage
