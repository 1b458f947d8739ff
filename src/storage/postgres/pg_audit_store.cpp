#include <algorithm>

#include <pqxx/pqxx>

#include "storage/postgres/pg_statement.hpp"
#include "storage/postgres/pg_stores.hpp"
#include "storage/sql_text.hpp"

namespace motcua::storage::postgres {
namespace {

constexpr std::string_view kAuditColumns =
    "seq, at, actor_id, actor_login, action, target_kind, target_id, remote_address, outcome, "
    "detail, prev_hash, hash";
constexpr int kAuditColumnCount = 12;
constexpr int kScanPage = 1000;
// Records per INSERT when the held records are written (12 parameters each).
constexpr std::size_t kFlushChunk = 64;

domain::AuditRecord ReadRecord(const pqxx::row& row) {
    return domain::AuditRecord{Int(row[0]),  Text(row[1]), Int(row[2]),   Text(row[3]),
                               Text(row[4]), Text(row[5]), Text(row[6]),  Text(row[7]),
                               Text(row[8]), Text(row[9]), Text(row[10]), Text(row[11])};
}

}  // namespace

Outcome<Done> PgAuditStore::Append(domain::AuditRecord record) {
    if (!writable_) {  // A read transaction would never flush it.
        return MakeError(ErrorKind::kUnavailable, "unavailable", {},
                         "audit record appended in a read transaction");
    }
    held_.push_back(std::move(record));
    return Done{};
}

Outcome<Done> PgAuditStore::Flush() {
    if (held_.empty()) {
        return Done{};
    }
    // The row lock is held until commit or rollback: a concurrent flush waits here and then
    // reads the head this one leaves (READ COMMITTED re-reads a locked row's newest version).
    const auto head = transaction_.exec("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
    if (head.empty()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {}, "audit_head row missing");
    }
    std::int64_t seq = Int(head[0][0]);
    std::string hash = Text(head[0][1]);
    for (auto& record : held_) {
        record.seq = ++seq;
        record.prev_hash = std::move(hash);
        record.hash = domain::ComputeAuditHash(key_, record.prev_hash, record);
        hash = record.hash;
    }
    // One statement per chunk inserts the records and moves the head: a round trip each while
    // the head is locked.
    for (std::size_t first = 0; first < held_.size(); first += kFlushChunk) {
        const std::size_t end = std::min(held_.size(), first + kFlushChunk);
        std::string sql =
            "WITH inserted AS (INSERT INTO audit_log (" + std::string(kAuditColumns) + ") VALUES ";
        int n = 0;
        for (std::size_t i = first; i < end; ++i) {
            sql += i == first ? "(" : ", (";
            for (int column = 0; column < kAuditColumnCount; ++column) {
                // seq and actor_id are bigint; the others text.
                const char* cast = column == 0 || column == 2 ? "::bigint" : "";
                sql += (column == 0 ? "$" : ", $") + std::to_string(++n) + cast;
            }
            sql += ")";
        }
        sql += ") UPDATE audit_head SET seq = $" + std::to_string(n + 1) + "::bigint, hash = $" +
               std::to_string(n + 2) + " WHERE id = 1";
        PgStatement statement(transaction_, std::move(sql));
        for (std::size_t i = first; i < end; ++i) {
            const auto& record = held_[i];
            statement.Bind(record.seq).Bind(record.at).Bind(record.actor_id);
            statement.Bind(record.actor_login).Bind(record.action).Bind(record.target_kind);
            statement.Bind(record.target_id).Bind(record.remote_address).Bind(record.outcome);
            statement.Bind(record.detail).Bind(record.prev_hash).Bind(record.hash);
        }
        statement.Bind(held_[end - 1].seq).Bind(held_[end - 1].hash).Run();
    }
    held_.clear();
    return Done{};
}

Outcome<std::vector<domain::AuditRecord>> PgAuditStore::Query(const AuditFilter& filter) {
    MOTCUA_RETURN_IF_ERROR(Flush());
    PgStatement select(
        transaction_,
        "SELECT " + std::string(kAuditColumns) +
            " FROM audit_log WHERE ($1::bigint = 0 OR actor_id = $1::bigint) "
            "AND action LIKE $2::text ESCAPE '\\' "
            "AND ($3::text = '' OR target_kind = $3::text) "
            "AND ($4::text = '' OR target_id = $4::text) AND ($5::text = '' OR at >= $5::text) "
            "AND ($6::text = '' OR at < $6::text) AND ($7::bigint = 0 OR seq < $7::bigint) "
            "ORDER BY seq DESC LIMIT $8::bigint");
    select.Bind(filter.actor_id).Bind(EscapeLike(filter.action_prefix) + "%");
    select.Bind(filter.target_kind).Bind(filter.target_id).Bind(filter.from).Bind(filter.to);
    select.Bind(filter.before_seq).Bind(std::int64_t{filter.limit});
    std::vector<domain::AuditRecord> records;
    for (const auto& row : select.Run()) {
        records.push_back(ReadRecord(row));
    }
    return records;
}

Outcome<Done> PgAuditStore::Scan(const std::function<bool(const domain::AuditRecord&)>& visit) {
    MOTCUA_RETURN_IF_ERROR(Flush());
    // Pages by seq, so that a long log is never held in memory whole.
    std::int64_t after = 0;
    for (;;) {
        const auto rows = PgStatement(transaction_, "SELECT " + std::string(kAuditColumns) +
                                                        " FROM audit_log WHERE seq > $1::bigint "
                                                        "ORDER BY seq LIMIT $2::bigint")
                              .Bind(after)
                              .Bind(std::int64_t{kScanPage})
                              .Run();
        for (const auto& row : rows) {
            auto record = ReadRecord(row);
            after = record.seq;
            if (!visit(record)) {
                return Done{};
            }
        }
        if (rows.size() < static_cast<std::size_t>(kScanPage)) {
            return Done{};
        }
    }
}

Outcome<std::pair<std::int64_t, std::string>> PgAuditStore::GetHead() {
    MOTCUA_RETURN_IF_ERROR(Flush());
    const auto head = transaction_.exec("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (head.empty()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {}, "audit_head row missing");
    }
    return std::make_pair(Int(head[0][0]), Text(head[0][1]));
}

}  // namespace motcua::storage::postgres
