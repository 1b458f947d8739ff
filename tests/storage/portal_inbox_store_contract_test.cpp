// The contract of the portal inbox every backend must keep (storage/portal_inbox_store.hpp): a
// cursor only moves forward, a review item is one per (connector, kind, code), a sighting of the
// same record keeps the decision while a changed record reopens it, and the listing filters and
// pages in id order.
#include <gtest/gtest.h>

#include "storage/storage_backends.hpp"

namespace motcua::storage {
namespace {

template <typename Backend>
using PortalInboxContract = testing::StorageContract<Backend>;
TYPED_TEST_SUITE(PortalInboxContract, testing::StorageBackends, testing::BackendName);

constexpr const char* kT0 = "2025-07-01T01:00:00.000000Z";
constexpr const char* kT1 = "2025-07-01T02:00:00.000000Z";

PortalReviewItem Item(std::string kind, std::string code, std::string payload = "{}") {
    return {.connector = "dvcqg",
            .kind = std::move(kind),
            .code = std::move(code),
            .change = "new",
            .payload_json = std::move(payload),
            .reason = "not in the province's catalogue",
            .last_seen_at = kT0};
}

template <typename Db>
bool Upsert(Db& db, const PortalReviewItem& item) {
    bool pending = false;
    EXPECT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(pending, t.PortalInbox().Upsert(item));
                      return Done{};
                  }).HasValue());
    return pending;
}

template <typename Db>
std::vector<PortalReviewItem> List(Db& db, const PortalReviewFilter& filter) {
    std::vector<PortalReviewItem> items;
    EXPECT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(items, t.PortalInbox().List(filter));
                      return Done{};
                  }).HasValue());
    return items;
}

TYPED_TEST(PortalInboxContract, ACursorStartsAtZeroAndOnlyMovesForward) {
    auto& db = this->Db();
    std::int64_t value = -1;
    const auto read = [&] {
        EXPECT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                          MOTCUA_ASSIGN_OR_RETURN(value, t.PortalInbox().GetCursor("dvcqg", "d"));
                          return Done{};
                      }).HasValue());
        return value;
    };
    const auto set = [&](std::int64_t to) {
        EXPECT_TRUE(db.Write([&](Transaction& t) {
                          return t.PortalInbox().SetCursor("dvcqg", "d", to);
                      }).HasValue());
    };
    EXPECT_EQ(read(), 0);
    set(250);
    EXPECT_EQ(read(), 250);
    set(100);  // A slower process that read an older page does not move it back.
    EXPECT_EQ(read(), 250);
    set(251);
    EXPECT_EQ(read(), 251);
}

TYPED_TEST(PortalInboxContract, ASightingKeepsTheDecisionAndAChangedRecordReopensIt) {
    auto& db = this->Db();
    EXPECT_TRUE(Upsert(db, Item("procedure", "1.000001", R"({"TenTTHC":"A"})")));
    EXPECT_TRUE(Upsert(db, Item("agency", "1.000001")));  // Same code, another kind.
    auto items = List(db, {.connector = "dvcqg"});
    ASSERT_EQ(items.size(), 2U);
    const auto id = items[0].id;
    EXPECT_EQ(items[0].status, "pending");
    EXPECT_EQ(items[0].first_seen_at, kT0);
    ASSERT_TRUE(db.Write([&](Transaction& t) {
                      return t.PortalInbox().Decide(id, "dismissed", "admin", kT0, "not ours");
                  }).HasValue());

    auto seen_again = Item("procedure", "1.000001", R"({"TenTTHC":"A"})");
    seen_again.last_seen_at = kT1;
    EXPECT_FALSE(Upsert(db, seen_again));
    std::optional<PortalReviewItem> item;
    ASSERT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(item, t.PortalInbox().FindForUpdate(id));
                      return Done{};
                  }).HasValue());
    ASSERT_TRUE(item.has_value());
    EXPECT_EQ(item->status, "dismissed");
    EXPECT_EQ(item->decided_by, "admin");
    EXPECT_EQ(item->note, "not ours");
    EXPECT_EQ(item->last_seen_at, kT1);

    auto renamed = Item("procedure", "1.000001", R"({"TenTTHC":"B"})");
    renamed.change = "changed";
    EXPECT_TRUE(Upsert(db, renamed));
    items = List(db, {.connector = "dvcqg", .kind = "procedure"});
    ASSERT_EQ(items.size(), 1U);
    EXPECT_EQ(items[0].id, id);
    EXPECT_EQ(items[0].status, "pending");
    EXPECT_EQ(items[0].change, "changed");
    EXPECT_EQ(items[0].payload_json, R"({"TenTTHC":"B"})");
    EXPECT_EQ(items[0].decided_by, "");
    EXPECT_EQ(items[0].first_seen_at, kT0);
}

TYPED_TEST(PortalInboxContract, TheListingFiltersByKindAndStatusAndPagesInIdOrder) {
    auto& db = this->Db();
    for (int n = 1; n <= 5; ++n) {
        Upsert(db, Item("dossier", "G-" + std::to_string(n)));
    }
    Upsert(db, Item("agency", "H32.99"));
    Upsert(db, Item("procedure", "1.000002"));
    auto dossiers = List(db, {.connector = "dvcqg", .kind = "dossier", .limit = 3});
    ASSERT_EQ(dossiers.size(), 3U);
    EXPECT_EQ(dossiers[0].code, "G-1");
    EXPECT_EQ(dossiers[2].code, "G-3");
    auto rest = List(db, {.connector = "dvcqg", .kind = "dossier", .after_id = dossiers[2].id});
    ASSERT_EQ(rest.size(), 2U);
    EXPECT_EQ(rest[1].code, "G-5");
    ASSERT_TRUE(db.Write([&](Transaction& t) {
                      return t.PortalInbox().Decide(rest[0].id, "accepted", "admin", kT1, "");
                  }).HasValue());
    EXPECT_EQ(List(db, {.connector = "dvcqg", .status = "accepted"}).size(), 1U);
    EXPECT_EQ(List(db, {.connector = "dvcqg", .status = "pending"}).size(), 6U);
    EXPECT_TRUE(List(db, {.connector = "other"}).empty());
    std::vector<std::pair<std::string, std::int64_t>> counts;
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(counts, t.PortalInbox().CountPending("dvcqg"));
                      return Done{};
                  }).HasValue());
    using Counts = std::vector<std::pair<std::string, std::int64_t>>;
    EXPECT_EQ(counts, (Counts{{"agency", 1}, {"dossier", 4}, {"procedure", 1}}));
}

}  // namespace
}  // namespace motcua::storage
