#include "storage/sql/sql_outbox_store.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO outbox (connector, dossier_id, dossier_code, event_seq, action, created_at, "
    "next_at, payload) VALUES (?1, NULLIF(?2::bigint, 0), ?3, ?4::int, ?5, ?6, ?6, NULLIF(?7, ''))";
// The oldest open row of each dossier (none older is pending or dead), due and not held by a
// live claim. `first` tells the connector whether the receiver has heard of the dossier yet.
// Message rows (no dossier) compare equal to nothing: none waits for another.
constexpr std::string_view kClaimable =
    "SELECT o.id, COALESCE(o.dossier_id, 0), o.dossier_code, o.event_seq, o.attempts, "
    "CASE WHEN EXISTS (SELECT 1 FROM outbox d WHERE d.connector = o.connector "
    "AND d.dossier_id = o.dossier_id AND d.state = 'delivered') THEN 0 ELSE 1 END, "
    "o.action, COALESCE(o.payload, '') "
    "FROM outbox o WHERE o.connector = ?1 AND o.state = 'pending' AND o.next_at <= ?2 "
    "AND (o.claimed_until IS NULL OR o.claimed_until < ?2) "
    "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.connector = o.connector "
    "AND e.dossier_id = o.dossier_id AND e.state IN ('pending', 'dead') AND e.id < o.id) "
    "ORDER BY o.next_at, o.id LIMIT ?3::bigint{for_update_skip_locked}";
constexpr std::string_view kHold =
    "UPDATE outbox SET claimed_by = ?2, claimed_until = ?3 WHERE id = ?1::bigint";
constexpr std::string_view kDelivered =
    "UPDATE outbox SET state = 'delivered', attempts = attempts + 1, delivered_at = ?3, "
    "sent = ?4, answer = ?5, last_error = NULL, claimed_by = NULL, claimed_until = NULL "
    "WHERE id = ?1::bigint AND claimed_by = ?2";
constexpr std::string_view kFailed =
    "UPDATE outbox SET state = ?6, attempts = attempts + 1, next_at = ?3, last_error = ?7, "
    "sent = ?4, answer = ?5, claimed_by = NULL, claimed_until = NULL "
    "WHERE id = ?1::bigint AND claimed_by = ?2";
constexpr std::string_view kReleased =
    "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL "
    "WHERE id = ?1::bigint AND claimed_by = ?2";
constexpr std::string_view kRowColumns =
    "SELECT id, connector, COALESCE(dossier_id, 0), dossier_code, event_seq, action, state, "
    "attempts, "
    "created_at, next_at, delivered_at, last_error, sent, answer FROM outbox";

std::string TextOrEmpty(const Statement& row, int column) {
    return row.IsColumnNull(column) ? std::string() : row.ColumnText(column);
}

OutboxRow ReadRow(const Statement& row) {
    OutboxRow out;
    out.id = row.ColumnInt(0);
    out.connector = row.ColumnText(1);
    out.dossier_id = row.ColumnInt(2);
    out.dossier_code = row.ColumnText(3);
    out.event_seq = static_cast<int>(row.ColumnInt(4));
    out.action = row.ColumnText(5);
    out.state = ParseOutboxState(row.ColumnText(6)).value_or(OutboxState::kPending);
    out.attempts = static_cast<int>(row.ColumnInt(7));
    out.created_at = row.ColumnText(8);
    out.next_at = row.ColumnText(9);
    out.delivered_at = TextOrEmpty(row, 10);
    out.last_error = TextOrEmpty(row, 11);
    out.sent = TextOrEmpty(row, 12);
    out.answer = TextOrEmpty(row, 13);
    return out;
}

}  // namespace

Outcome<Done> SqlOutboxStore::Enqueue(const OutboxEntry& entry) {
    auto insert = session_.Prepare(kInsert);
    insert.Bind(1, entry.connector).Bind(2, entry.dossier_id).Bind(3, entry.dossier_code);
    insert.Bind(4, std::int64_t{entry.event_seq}).Bind(5, entry.action).Bind(6, entry.created_at);
    insert.Bind(7, entry.payload);
    insert.Run();
    return Done{};
}

Outcome<std::vector<ClaimedOutboxRow>> SqlOutboxStore::Claim(const std::string& connector,
                                                             const std::string& now,
                                                             const std::string& until,
                                                             const std::string& claimer,
                                                             int limit) {
    std::vector<ClaimedOutboxRow> rows;
    {
        auto select = session_.Prepare(kClaimable);
        select.Bind(1, connector).Bind(2, now).Bind(3, std::int64_t{limit});
        while (select.Step()) {
            rows.push_back({.id = select.ColumnInt(0),
                            .dossier_id = select.ColumnInt(1),
                            .dossier_code = select.ColumnText(2),
                            .event_seq = static_cast<int>(select.ColumnInt(3)),
                            .attempts = static_cast<int>(select.ColumnInt(4)),
                            .first_of_dossier = select.ColumnInt(5) != 0,
                            .action = select.ColumnText(6),
                            .payload = select.ColumnText(7)});
        }
    }
    for (const auto& row : rows) {
        auto hold = session_.Prepare(kHold);
        hold.Bind(1, row.id).Bind(2, claimer).Bind(3, until);
        hold.Run();
    }
    return rows;
}

Outcome<Done> SqlOutboxStore::Settle(const std::string& claimer, const std::string& now,
                                     const std::vector<OutboxOutcome>& outcomes) {
    using Kind = OutboxOutcome::Kind;
    for (const auto& outcome : outcomes) {
        switch (outcome.kind) {
            case Kind::kDelivered: {
                auto update = session_.Prepare(kDelivered);
                update.Bind(1, outcome.id).Bind(2, claimer).Bind(3, now);
                update.Bind(4, outcome.sent).Bind(5, outcome.answer);
                update.Run();
                break;
            }
            case Kind::kFailed:
            case Kind::kDead: {
                auto update = session_.Prepare(kFailed);
                update.Bind(1, outcome.id).Bind(2, claimer).Bind(3, outcome.next_at);
                update.Bind(4, outcome.sent).Bind(5, outcome.answer);
                update.Bind(6, outcome.kind == Kind::kDead ? "dead" : "pending");
                update.Bind(7, outcome.error);
                update.Run();
                break;
            }
            case Kind::kReleased: {
                auto update = session_.Prepare(kReleased);
                update.Bind(1, outcome.id).Bind(2, claimer);
                update.Run();
                break;
            }
        }
    }
    return Done{};
}

Outcome<Done> SqlOutboxStore::ReleaseAllClaims() {
    session_
        .Prepare(
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL "
            "WHERE claimed_by IS NOT NULL")
        .Run();
    return Done{};
}

Outcome<std::vector<OutboxRow>> SqlOutboxStore::List(const OutboxFilter& filter) {
    auto select = session_.Prepare(
        std::string(kRowColumns) +
        " WHERE (?1 = '' OR connector = ?1) AND (?2 = '' OR state = ?2) "
        "AND (?3 = '' OR dossier_id = (SELECT d.id FROM dossiers d WHERE d.code = ?3)) "
        "AND (?4::bigint = 0 OR id < ?4::bigint) "
        "ORDER BY id DESC LIMIT ?5::bigint");
    select.Bind(1, filter.connector)
        .Bind(2, filter.state ? OutboxStateName(*filter.state) : "")
        .Bind(3, filter.dossier_code)
        .Bind(4, filter.before_id)
        .Bind(5, std::int64_t{filter.limit});
    std::vector<OutboxRow> rows;
    while (select.Step()) {
        rows.push_back(ReadRow(select));
    }
    return rows;
}

Outcome<std::optional<OutboxRow>> SqlOutboxStore::Find(std::int64_t id) {
    auto select = session_.Prepare(std::string(kRowColumns) + " WHERE id = ?1::bigint");
    select.Bind(1, id);
    if (!select.Step()) {
        return std::optional<OutboxRow>{};
    }
    return std::optional<OutboxRow>(ReadRow(select));
}

Outcome<bool> SqlOutboxStore::Retry(std::int64_t id, const std::string& now) {
    auto update = session_.Prepare(
        "UPDATE outbox SET state = 'pending', attempts = 0, next_at = ?2 "
        "WHERE id = ?1::bigint AND state IN ('pending', 'dead')");
    update.Bind(1, id).Bind(2, now);
    update.Run();
    return update.Changes() > 0;
}

Outcome<bool> SqlOutboxStore::Skip(std::int64_t id, const std::string& now) {
    auto update = session_.Prepare(
        "UPDATE outbox SET state = 'skipped', delivered_at = ?2, claimed_by = NULL, "
        "claimed_until = NULL WHERE id = ?1::bigint AND state IN ('pending', 'dead')");
    update.Bind(1, id).Bind(2, now);
    update.Run();
    return update.Changes() > 0;
}

Outcome<std::vector<OutboxStats>> SqlOutboxStore::Stats() {
    auto select = session_.Prepare(
        "SELECT connector, SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END), "
        "MIN(CASE WHEN state = 'pending' THEN created_at END) "
        "FROM outbox WHERE state IN ('pending', 'dead') GROUP BY connector ORDER BY connector");
    std::vector<OutboxStats> stats;
    while (select.Step()) {
        stats.push_back({.connector = select.ColumnText(0),
                         .pending = select.ColumnInt(1),
                         .dead = select.ColumnInt(2),
                         .oldest_pending_at = TextOrEmpty(select, 3)});
    }
    return stats;
}

}  // namespace motcua::storage::sql
