#include "storage/sql_text.hpp"
#include "storage/sqlite/sqlite_stores.hpp"

namespace motcua::storage::sqlite {
namespace {

constexpr std::string_view kAuditColumns =
    "seq, at, actor_id, actor_login, action, target_kind, target_id, remote_address, outcome, "
    "detail, prev_hash, hash";

domain::AuditRecord ReadRecord(const SqliteStatement& row) {
    return domain::AuditRecord{row.ColumnInt(0),  row.ColumnText(1),  row.ColumnInt(2),
                               row.ColumnText(3), row.ColumnText(4),  row.ColumnText(5),
                               row.ColumnText(6), row.ColumnText(7),  row.ColumnText(8),
                               row.ColumnText(9), row.ColumnText(10), row.ColumnText(11)};
}

}  // namespace

Outcome<Done> SqliteAuditStore::Append(domain::AuditRecord record) {
    auto head = GetHead();
    if (!head) {
        return head.GetError();
    }
    record.seq = head.Value().first + 1;
    record.prev_hash = head.Value().second;
    record.hash = domain::ComputeAuditHash(key_, record.prev_hash, record);
    auto insert =
        connection_.Prepare("INSERT INTO audit_log (" + std::string(kAuditColumns) +
                            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    insert.Bind(1, record.seq).Bind(2, record.at).Bind(3, record.actor_id);
    insert.Bind(4, record.actor_login).Bind(5, record.action).Bind(6, record.target_kind);
    insert.Bind(7, record.target_id).Bind(8, record.remote_address).Bind(9, record.outcome);
    insert.Bind(10, record.detail).Bind(11, record.prev_hash).Bind(12, record.hash).Run();
    auto move_head = connection_.Prepare("UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1");
    move_head.Bind(1, record.seq).Bind(2, record.hash).Run();
    return Done{};
}

Outcome<std::vector<domain::AuditRecord>> SqliteAuditStore::Query(const AuditFilter& filter) {
    auto select = connection_.Prepare(
        "SELECT " + std::string(kAuditColumns) +
        " FROM audit_log WHERE (?1 = 0 OR actor_id = ?1) AND action LIKE ?2 ESCAPE '\\' "
        "AND (?3 = '' OR target_kind = ?3) AND (?4 = '' OR target_id = ?4) "
        "AND (?5 = '' OR at >= ?5) AND (?6 = '' OR at < ?6) AND (?7 = 0 OR seq < ?7) "
        "ORDER BY seq DESC LIMIT ?8");
    select.Bind(1, filter.actor_id)
        .Bind(2, EscapeLike(filter.action_prefix) + "%")
        .Bind(3, filter.target_kind);
    select.Bind(4, filter.target_id).Bind(5, filter.from).Bind(6, filter.to);
    select.Bind(7, filter.before_seq).Bind(8, std::int64_t{filter.limit});
    std::vector<domain::AuditRecord> records;
    while (select.Step()) {
        records.push_back(ReadRecord(select));
    }
    return records;
}

Outcome<Done> SqliteAuditStore::Scan(const std::function<bool(const domain::AuditRecord&)>& visit) {
    auto select = connection_.Prepare("SELECT " + std::string(kAuditColumns) +
                                      " FROM audit_log ORDER BY seq");
    while (select.Step()) {
        if (!visit(ReadRecord(select))) {
            break;
        }
    }
    return Done{};
}

Outcome<std::pair<std::int64_t, std::string>> SqliteAuditStore::GetHead() {
    auto select = connection_.Prepare("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!select.Step()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {}, "audit_head row missing");
    }
    return std::make_pair(select.ColumnInt(0), select.ColumnText(1));
}

}  // namespace motcua::storage::sqlite
