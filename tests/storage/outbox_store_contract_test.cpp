// The contract of the outbox and the sync reconciliation every backend must keep
// (storage/outbox_store.hpp, storage/sync_report_store.hpp): only the oldest open row of a dossier
// is claimed, a live claim holds its rows, a dead row holds the dossier's later ones until it is
// retried or skipped, settling needs the claim, and the figures add up.
#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "storage/storage_backends.hpp"

namespace motcua::storage {
namespace {

template <typename Backend>
using OutboxContract = testing::StorageContract<Backend>;
TYPED_TEST_SUITE(OutboxContract, testing::StorageBackends, testing::BackendName);

constexpr const char* kT0 = "2025-07-01T01:00:00.000000Z";
constexpr const char* kT1 = "2025-07-01T01:00:01.000000Z";
constexpr const char* kT2 = "2025-07-01T01:00:02.000000Z";
constexpr const char* kLater = "2025-07-01T02:00:00.000000Z";

// Inserts a received dossier with `events` events, each queued for "dvcqg"; returns its id.
Outcome<std::int64_t> QueueDossier(Transaction& t, const std::string& code, int events,
                                   const char* received_at = kT0) {
    domain::Dossier dossier;
    dossier.code = code;
    dossier.procedure_code = "P1";
    dossier.receiving_agency = dossier.competent_agency = dossier.current_agency = "H32.02";
    dossier.applicant.id_number = "001099000001";
    dossier.status = domain::DossierStatus::kReceived;
    dossier.received_at = ParseRfc3339(received_at);
    MOTCUA_ASSIGN_OR_RETURN(auto id, t.Dossiers().Insert(dossier));
    for (int seq = 1; seq <= events; ++seq) {
        domain::DossierEvent event;
        event.seq = seq;
        event.at = *ParseRfc3339(kT0);
        event.to = domain::DossierStatus::kReceived;
        event.payload_json = "{}";
        MOTCUA_RETURN_IF_ERROR(t.Dossiers().AppendEvent(id, event));
        MOTCUA_RETURN_IF_ERROR(t.Outbox().Enqueue({"dvcqg", id, code, seq, "reuse", kT0}));
    }
    return id;
}

template <typename Db>
std::vector<ClaimedOutboxRow> Claim(Db& db, const char* now, const char* until,
                                    const std::string& claimer) {
    std::vector<ClaimedOutboxRow> rows;
    EXPECT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(rows,
                                              t.Outbox().Claim("dvcqg", now, until, claimer, 10));
                      return Done{};
                  }).HasValue());
    return rows;
}

template <typename Db>
void Settle(Db& db, const std::string& claimer, const std::vector<OutboxOutcome>& outcomes) {
    ASSERT_TRUE(db.Write([&](Transaction& t) {
                      return t.Outbox().Settle(claimer, kT1, outcomes);
                  }).HasValue());
}

std::vector<std::pair<std::string, int>> Keys(const std::vector<ClaimedOutboxRow>& rows) {
    std::vector<std::pair<std::string, int>> keys;
    keys.reserve(rows.size());
    for (const auto& row : rows) {
        keys.emplace_back(row.dossier_code, row.event_seq);
    }
    return keys;
}

using Kind = OutboxOutcome::Kind;

TYPED_TEST(OutboxContract, EachDossierGoesInOrderAndADeadRowHoldsItsSuccessors) {
    auto& db = this->Db();
    ASSERT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_RETURN_IF_ERROR(QueueDossier(t, "D1", 3));
                      MOTCUA_RETURN_IF_ERROR(QueueDossier(t, "D2", 1));
                      return Done{};
                  }).HasValue());
    using Keys_ = std::vector<std::pair<std::string, int>>;
    auto first = Claim(db, kT0, kLater, "a");
    EXPECT_EQ(Keys(first), (Keys_{{"D1", 1}, {"D2", 1}}));  // One row per dossier.
    EXPECT_TRUE(first.at(0).first_of_dossier);
    EXPECT_TRUE(Claim(db, kT0, kLater, "b").empty());  // Held by a's live claim.

    // b cannot settle a's rows; a delivers D1#1 and fails D2#1 until kLater.
    Settle(db, "b", {{.id = first[0].id, .kind = Kind::kDelivered}});
    Settle(db, "a",
           {{.id = first[0].id, .kind = Kind::kDelivered, .sent = "s", .answer = "ok"},
            {.id = first[1].id, .kind = Kind::kFailed, .next_at = kLater, .error = "503"}});
    auto second = Claim(db, kT2, kLater, "a");
    EXPECT_EQ(Keys(second), (Keys_{{"D1", 2}}));  // D2#1 is not due before kLater.
    EXPECT_FALSE(second.at(0).first_of_dossier);

    Settle(db, "a", {{.id = second[0].id, .kind = Kind::kDead, .next_at = kT2, .error = "-1"}});
    EXPECT_TRUE(Claim(db, kT2, kLater, "a").empty());  // The dead D1#2 holds D1#3.
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      auto stats = t.Outbox().Stats().Value();
                      EXPECT_EQ(stats.size(), 1U);
                      EXPECT_EQ(stats.at(0).pending, 2);  // D1#3, D2#1.
                      EXPECT_EQ(stats.at(0).dead, 1);
                      EXPECT_EQ(stats.at(0).oldest_pending_at, kT0);
                      auto row = t.Outbox().Find(second[0].id).Value();
                      EXPECT_EQ(row->state, OutboxState::kDead);
                      EXPECT_EQ(row->attempts, 1);
                      EXPECT_EQ(row->last_error, "-1");
                      auto delivered = t.Outbox().Find(first[0].id).Value();
                      EXPECT_EQ(delivered->state, OutboxState::kDelivered);
                      EXPECT_EQ(delivered->sent, "s");
                      EXPECT_EQ(delivered->delivered_at, kT1);
                      OutboxFilter filter;
                      filter.dossier_code = "D1";
                      EXPECT_EQ(t.Outbox().List(filter).Value().size(), 3U);
                      filter.state = OutboxState::kDead;
                      EXPECT_EQ(t.Outbox().List(filter).Value().size(), 1U);
                      return Done{};
                  }).HasValue());

    // Retried, D1#2 goes again; skipped instead, D1#3 would go.
    ASSERT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      EXPECT_TRUE(t.Outbox().Retry(second[0].id, kT2).Value());
                      EXPECT_FALSE(t.Outbox().Retry(first[0].id, kT2).Value());  // Delivered.
                      return Done{};
                  }).HasValue());
    auto retried = Claim(db, kT2, kLater, "a");
    EXPECT_EQ(Keys(retried), (Keys_{{"D1", 2}}));
    ASSERT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      EXPECT_TRUE(t.Outbox().Skip(second[0].id, kT2).Value());
                      return Done{};
                  }).HasValue());
    EXPECT_EQ(Keys(Claim(db, kT2, kLater, "c")), (Keys_{{"D1", 3}}));
    // An expired claim is anyone's: c's claim on D1#3 runs until kLater.
    const char* after_lease = "2025-07-01T03:00:00.000000Z";
    EXPECT_EQ(Keys(Claim(db, after_lease, "2025-07-01T04:00:00.000000Z", "d")),
              (Keys_{{"D1", 3}, {"D2", 1}}));
    ASSERT_TRUE(db.Write([](Transaction& t) { return t.Outbox().ReleaseAllClaims(); }).HasValue());
    EXPECT_EQ(Claim(db, after_lease, kLater, "e").size(), 2U);
}

TYPED_TEST(OutboxContract, ReconciliationCountsReceivedPushedAndAcknowledged) {
    auto& db = this->Db();
    std::int64_t acknowledged_id = 0;
    ASSERT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(acknowledged_id, QueueDossier(t, "R1", 1));
                      MOTCUA_RETURN_IF_ERROR(QueueDossier(t, "R2", 1, kT1));
                      MOTCUA_RETURN_IF_ERROR(QueueDossier(t, "R3", 1, "2025-08-01T01:00:00Z"));
                      domain::DossierEvent ack;
                      ack.seq = 2;
                      ack.at = *ParseRfc3339(kT1);
                      ack.action = domain::DossierAction::kSyncAck;
                      ack.to = domain::DossierStatus::kReceived;
                      ack.payload_json = "{}";
                      return t.Dossiers().AppendEvent(acknowledged_id, ack);
                  }).HasValue());
    auto claimed = Claim(db, kT0, kLater, "a");
    ASSERT_EQ(claimed.size(), 3U);
    Settle(db, "a",
           {{.id = claimed[0].id, .kind = Kind::kDelivered},
            {.id = claimed[1].id, .kind = Kind::kFailed, .next_at = kLater, .error = "x"}});
    SyncReportFilter filter{.connector = "dvcqg",
                            .agencies = {"H32.02", "H32.03"},
                            .received_from = "2025-07-01T00:00:00Z",
                            .received_to = "2025-08-01T00:00:00Z"};
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      auto tallies = t.SyncReports().Tally(filter).Value();
                      EXPECT_EQ(tallies.size(), 1U);
                      EXPECT_EQ(tallies.at(0).agency_code, "H32.02");
                      EXPECT_EQ(tallies.at(0).received, 2);  // R3 is of August.
                      EXPECT_EQ(tallies.at(0).pushed, 1);
                      EXPECT_EQ(tallies.at(0).acknowledged, 1);
                      auto gaps = t.SyncReports().ListGaps(filter).Value();
                      EXPECT_EQ(gaps.size(), 1U);
                      EXPECT_EQ(gaps.at(0).code, "R2");
                      EXPECT_EQ(gaps.at(0).pending, 1);
                      EXPECT_EQ(gaps.at(0).delivered, 0);
                      EXPECT_EQ(gaps.at(0).last_error, "x");
                      filter.after_received_at = gaps.at(0).received_at;
                      filter.after_id = gaps.at(0).id;
                      EXPECT_TRUE(t.SyncReports().ListGaps(filter).Value().empty());
                      auto event = t.Dossiers().FindEvent(acknowledged_id, 2).Value();
                      EXPECT_EQ(event->action, domain::DossierAction::kSyncAck);
                      EXPECT_FALSE(t.Dossiers().FindEvent(acknowledged_id, 3).Value().has_value());
                      return Done{};
                  }).HasValue());
}

TYPED_TEST(OutboxContract, MessageRowsBelongToNoDossierAndStandAlone) {
    auto& db = this->Db();
    ASSERT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                      for (const char* payload : {R"({"seq":1})", R"({"seq":2})"}) {
                          MOTCUA_RETURN_IF_ERROR(t.Outbox().Enqueue({.connector = "witness",
                                                                     .action = "audit_anchor",
                                                                     .created_at = kT0,
                                                                     .payload = payload}));
                      }
                      return Done{};
                  }).HasValue());
    const auto claim = [&](const char* claimer) {
        std::vector<ClaimedOutboxRow> rows;
        EXPECT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                          MOTCUA_ASSIGN_OR_RETURN(
                              rows, t.Outbox().Claim("witness", kT0, kT1, claimer, 10));
                          return Done{};
                      }).HasValue());
        return rows;
    };
    const auto rows = claim("a");
    ASSERT_EQ(rows.size(), 2U);  // Not one at a time, as a dossier's rows are.
    EXPECT_EQ(rows[0].dossier_id, 0);
    EXPECT_EQ(rows[0].action, "audit_anchor");
    EXPECT_EQ(rows[0].payload, R"({"seq":1})");
    EXPECT_EQ(rows[1].payload, R"({"seq":2})");
    // A dead message holds no other one.
    Settle(db, "a",
           {{.id = rows[0].id, .kind = Kind::kDead, .next_at = kT1, .error = "409"},
            {.id = rows[1].id, .kind = Kind::kFailed, .next_at = kT0, .error = "503"}});
    const auto again = claim("b");
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].id, rows[1].id);
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      const auto row = t.Outbox().Find(rows[0].id).Value();
                      EXPECT_EQ(row->dossier_id, 0);
                      EXPECT_EQ(row->dossier_code, "");
                      EXPECT_EQ(row->state, OutboxState::kDead);
                      OutboxFilter filter;
                      filter.connector = "witness";
                      EXPECT_EQ(t.Outbox().List(filter).Value().size(), 2U);
                      return Done{};
                  }).HasValue());
}

}  // namespace
}  // namespace motcua::storage
