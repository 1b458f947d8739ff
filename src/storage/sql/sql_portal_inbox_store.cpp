#include "storage/sql/sql_portal_inbox_store.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, connector, kind, code, change, payload, reason, status, first_seen_at, "
    "last_seen_at, decided_by, decided_at, note FROM portal_review";

std::string TextOrEmpty(const Statement& row, int column) {
    return row.IsColumnNull(column) ? std::string() : row.ColumnText(column);
}

PortalReviewItem ReadItem(const Statement& row) {
    PortalReviewItem item;
    item.id = row.ColumnInt(0);
    item.connector = row.ColumnText(1);
    item.kind = row.ColumnText(2);
    item.code = row.ColumnText(3);
    item.change = row.ColumnText(4);
    item.payload_json = row.ColumnText(5);
    item.reason = row.ColumnText(6);
    item.status = row.ColumnText(7);
    item.first_seen_at = row.ColumnText(8);
    item.last_seen_at = row.ColumnText(9);
    item.decided_by = TextOrEmpty(row, 10);
    item.decided_at = TextOrEmpty(row, 11);
    item.note = TextOrEmpty(row, 12);
    return item;
}

}  // namespace

Outcome<std::int64_t> SqlPortalInboxStore::GetCursor(const std::string& connector,
                                                     const std::string& name) {
    auto select =
        session_.Prepare("SELECT value FROM portal_cursors WHERE connector = ?1 AND name = ?2");
    select.Bind(1, connector).Bind(2, name);
    return select.Step() ? select.ColumnInt(0) : std::int64_t{0};
}

Outcome<Done> SqlPortalInboxStore::SetCursor(const std::string& connector, const std::string& name,
                                             std::int64_t value) {
    auto upsert = session_.Prepare(
        "INSERT INTO portal_cursors (connector, name, value) VALUES (?1, ?2, ?3::bigint) "
        "ON CONFLICT (connector, name) DO UPDATE SET "
        "value = {greatest}(portal_cursors.value, excluded.value)");
    upsert.Bind(1, connector).Bind(2, name).Bind(3, value);
    upsert.Run();
    return Done{};
}

Outcome<bool> SqlPortalInboxStore::Upsert(const PortalReviewItem& item) {
    std::optional<PortalReviewItem> known;
    {
        auto select = session_.Prepare(std::string(kColumns) +
                                       " WHERE connector = ?1 AND kind = ?2 AND code = ?3");
        select.Bind(1, item.connector).Bind(2, item.kind).Bind(3, item.code);
        if (select.Step()) {
            known = ReadItem(select);
        }
    }
    if (!known) {
        auto insert = session_.Prepare(
            "INSERT INTO portal_review (connector, kind, code, change, payload, reason, status, "
            "first_seen_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?7)");
        insert.Bind(1, item.connector).Bind(2, item.kind).Bind(3, item.code);
        insert.Bind(4, item.change).Bind(5, item.payload_json).Bind(6, item.reason);
        insert.Bind(7, item.last_seen_at);
        insert.Run();
        return true;
    }
    const bool same = known->change == item.change && known->payload_json == item.payload_json &&
                      known->reason == item.reason;
    if (same) {
        auto update =
            session_.Prepare("UPDATE portal_review SET last_seen_at = ?2 WHERE id = ?1::bigint");
        update.Bind(1, known->id).Bind(2, item.last_seen_at);
        update.Run();
        return false;
    }
    // The portal's record (or how it differs) changed: whatever was decided was about another.
    auto reopen = session_.Prepare(
        "UPDATE portal_review SET change = ?2, payload = ?3, reason = ?4, last_seen_at = ?5, "
        "status = 'pending', decided_by = NULL, decided_at = NULL, note = NULL "
        "WHERE id = ?1::bigint");
    reopen.Bind(1, known->id).Bind(2, item.change).Bind(3, item.payload_json);
    reopen.Bind(4, item.reason).Bind(5, item.last_seen_at);
    reopen.Run();
    return true;
}

Outcome<std::vector<PortalReviewItem>> SqlPortalInboxStore::List(const PortalReviewFilter& filter) {
    auto select = session_.Prepare(std::string(kColumns) +
                                   " WHERE connector = ?1 AND (?2::text = '' OR kind = ?2) "
                                   "AND (?3::text = '' OR status = ?3) AND id > ?4::bigint "
                                   "ORDER BY id LIMIT ?5::bigint");
    select.Bind(1, filter.connector).Bind(2, filter.kind).Bind(3, filter.status);
    select.Bind(4, filter.after_id).Bind(5, std::int64_t{filter.limit});
    std::vector<PortalReviewItem> items;
    while (select.Step()) {
        items.push_back(ReadItem(select));
    }
    return items;
}

Outcome<std::optional<PortalReviewItem>> SqlPortalInboxStore::FindForUpdate(std::int64_t id) {
    auto select = session_.Prepare(std::string(kColumns) + " WHERE id = ?1::bigint{for_update}");
    select.Bind(1, id);
    if (!select.Step()) {
        return std::optional<PortalReviewItem>();
    }
    return std::optional<PortalReviewItem>(ReadItem(select));
}

Outcome<Done> SqlPortalInboxStore::Decide(std::int64_t id, const std::string& status,
                                          const std::string& decided_by,
                                          const std::string& decided_at, const std::string& note) {
    auto update = session_.Prepare(
        "UPDATE portal_review SET status = ?2, decided_by = ?3, decided_at = ?4, note = ?5 "
        "WHERE id = ?1::bigint");
    update.Bind(1, id).Bind(2, status).Bind(3, decided_by).Bind(4, decided_at).Bind(5, note);
    update.Run();
    return Done{};
}

Outcome<std::vector<std::pair<std::string, std::int64_t>>> SqlPortalInboxStore::CountPending(
    const std::string& connector) {
    auto select = session_.Prepare(
        "SELECT kind, count(*) FROM portal_review WHERE connector = ?1 AND status = 'pending' "
        "GROUP BY kind ORDER BY kind");
    select.Bind(1, connector);
    std::vector<std::pair<std::string, std::int64_t>> counts;
    while (select.Step()) {
        counts.emplace_back(select.ColumnText(0), select.ColumnInt(1));
    }
    return counts;
}

}  // namespace motcua::storage::sql
