#include "storage/sql/sql_audit_store.hpp"

#include <algorithm>
#include <span>

#include "storage/sql_text.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kAuditColumns =
    "seq, at, actor_id, actor_login, action, target_kind, target_id, remote_address, outcome, "
    "detail, prev_hash, hash";
constexpr int kAuditColumnCount = 12;
constexpr int kScanPage = 1000;
// Records per INSERT when the held records are written (12 parameters each).
constexpr std::size_t kChunk = 64;

domain::AuditRecord ReadRecord(const Statement& row) {
    return domain::AuditRecord{row.ColumnInt(0),  row.ColumnText(1),  row.ColumnInt(2),
                               row.ColumnText(3), row.ColumnText(4),  row.ColumnText(5),
                               row.ColumnText(6), row.ColumnText(7),  row.ColumnText(8),
                               row.ColumnText(9), row.ColumnText(10), row.ColumnText(11)};
}

Outcome<domain::AuditHead> ReadHead(Session& session, std::string_view sql) {
    auto select = session.Prepare(sql);
    if (!select.Step()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {}, "audit_head row missing");
    }
    return domain::AuditHead{select.ColumnInt(0), select.ColumnText(1)};
}

}  // namespace

Outcome<Done> SqlAuditStore::Append(domain::AuditRecord record) {
    if (!session_.IsWritable()) {  // A read transaction never commits it.
        return MakeError(ErrorKind::kUnavailable, "unavailable", {},
                         "audit record appended in a read transaction");
    }
    held_.push_back(std::move(record));
    return Done{};
}

Outcome<Done> SqlAuditStore::BeforeCommit() {
    if (held_.empty()) {
        return Done{};
    }
    // PostgreSQL: the row lock is held until commit or rollback; a concurrent flush waits here
    // and then reads the head this one leaves (READ COMMITTED re-reads a locked row's newest
    // version). SQLite: the one writer holds the database.
    auto head = ReadHead(session_, "SELECT seq, hash FROM audit_head WHERE id = 1{for_update}");
    if (!head) {
        return head.GetError();
    }
    domain::ChainAuditRecords(key_, std::move(head).Value(), held_);
    for (std::size_t first = 0; first < held_.size(); first += kChunk) {
        InsertChunk(first, std::min(held_.size(), first + kChunk));
    }
    held_.clear();
    return Done{};
}

void SqlAuditStore::InsertChunk(std::size_t first, std::size_t end) {
    std::string values;
    int n = 0;
    for (std::size_t i = first; i < end; ++i) {
        values += i == first ? "(" : ", (";
        for (int column = 0; column < kAuditColumnCount; ++column) {
            // seq and actor_id are bigint; the others text.
            const char* cast = column == 0 || column == 2 ? "::bigint" : "";
            values += (column == 0 ? "?" : ", ?") + std::to_string(++n) + cast;
        }
        values += ")";
    }
    const std::string insert =
        "INSERT INTO audit_log (" + std::string(kAuditColumns) + ") VALUES " + values;
    // The head's two parameters follow the records' (PostgreSQL) or stand alone (SQLite).
    const auto move_head = [](int first_parameter) {
        return "UPDATE audit_head SET seq = ?" + std::to_string(first_parameter) +
               "::bigint, hash = ?" + std::to_string(first_parameter + 1) + " WHERE id = 1";
    };
    // The one statement whose SQL differs by backend: PostgreSQL inserts the records and moves
    // the head in one statement (one round trip while the head is locked); SQLite, which has no
    // data-changing statements in WITH, runs the two in turn.
    const bool together = session_.GetBackend() == Backend::kPostgres;
    auto statement = session_.Prepare(
        together ? "WITH inserted AS (" + insert + ") " + move_head(n + 1) : insert);
    for (std::size_t i = first; i < end; ++i) {
        const auto& record = held_[i];
        const int base = static_cast<int>((i - first) * kAuditColumnCount);
        statement.Bind(base + 1, record.seq).Bind(base + 2, record.at);
        statement.Bind(base + 3, record.actor_id).Bind(base + 4, record.actor_login);
        statement.Bind(base + 5, record.action).Bind(base + 6, record.target_kind);
        statement.Bind(base + 7, record.target_id).Bind(base + 8, record.remote_address);
        statement.Bind(base + 9, record.outcome).Bind(base + 10, record.detail);
        statement.Bind(base + 11, record.prev_hash).Bind(base + 12, record.hash);
    }
    if (together) {
        statement.Bind(n + 1, held_[end - 1].seq).Bind(n + 2, held_[end - 1].hash);
        statement.Run();
        return;
    }
    statement.Run();
    session_.Prepare(move_head(1)).Bind(1, held_[end - 1].seq).Bind(2, held_[end - 1].hash).Run();
}

Outcome<std::vector<domain::AuditRecord>> SqlAuditStore::Query(const AuditFilter& filter) {
    MOTCUA_RETURN_IF_ERROR(BeforeCommit());
    auto select = session_.Prepare(
        "SELECT " + std::string(kAuditColumns) +
        " FROM audit_log WHERE (?1::bigint = 0 OR actor_id = ?1::bigint) "
        "AND action LIKE ?2::text ESCAPE '\\' AND (?3::text = '' OR target_kind = ?3::text) "
        "AND (?4::text = '' OR target_id = ?4::text) AND (?5::text = '' OR at >= ?5::text) "
        "AND (?6::text = '' OR at < ?6::text) AND (?7::bigint = 0 OR seq < ?7::bigint) "
        "ORDER BY seq DESC LIMIT ?8::bigint");
    select.Bind(1, filter.actor_id).Bind(2, EscapeLike(filter.action_prefix) + "%");
    select.Bind(3, filter.target_kind).Bind(4, filter.target_id);
    select.Bind(5, filter.from).Bind(6, filter.to);
    select.Bind(7, filter.before_seq).Bind(8, std::int64_t{filter.limit});
    std::vector<domain::AuditRecord> records;
    while (select.Step()) {
        records.push_back(ReadRecord(select));
    }
    return records;
}

Outcome<Done> SqlAuditStore::Scan(const std::function<bool(const domain::AuditRecord&)>& visit) {
    MOTCUA_RETURN_IF_ERROR(BeforeCommit());
    // Pages by seq, so that a long log is never held in memory whole.
    std::int64_t after = 0;
    for (;;) {
        auto select = session_.Prepare("SELECT " + std::string(kAuditColumns) +
                                       " FROM audit_log WHERE seq > ?1::bigint "
                                       "ORDER BY seq LIMIT ?2::bigint");
        select.Bind(1, after).Bind(2, std::int64_t{kScanPage});
        int rows = 0;
        while (select.Step()) {
            ++rows;
            auto record = ReadRecord(select);
            after = record.seq;
            if (!visit(record)) {
                return Done{};
            }
        }
        if (rows < kScanPage) {
            return Done{};
        }
    }
}

Outcome<std::pair<std::int64_t, std::string>> SqlAuditStore::GetHead() {
    MOTCUA_RETURN_IF_ERROR(BeforeCommit());
    auto head = ReadHead(session_, "SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head) {
        return head.GetError();
    }
    auto& value = head.Value();
    return std::make_pair(value.seq, std::move(value.hash));
}

}  // namespace motcua::storage::sql
