#include <pqxx/pqxx>

#include "storage/postgres/pg_statement.hpp"
#include "storage/postgres/pg_stores.hpp"
#include "storage/sql_text.hpp"

namespace motcua::storage::postgres {
namespace {

constexpr std::string_view kAuditColumns =
    "seq, at, actor_id, actor_login, action, target_kind, target_id, remote_address, outcome, "
    "detail, prev_hash, hash";
constexpr int kScanPage = 1000;

domain::AuditRecord ReadRecord(const pqxx::row& row) {
    return domain::AuditRecord{Int(row[0]),  Text(row[1]), Int(row[2]),   Text(row[3]),
                               Text(row[4]), Text(row[5]), Text(row[6]),  Text(row[7]),
                               Text(row[8]), Text(row[9]), Text(row[10]), Text(row[11])};
}

}  // namespace

Outcome<std::int64_t> PgAuditStore::Append(domain::AuditRecord record) {
    // The row lock is held until commit or rollback: a concurrent append waits here and then
    // reads the head this one leaves (READ COMMITTED re-reads a locked row's newest version).
    const auto head = transaction_.exec("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
    if (head.empty()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {}, "audit_head row missing");
    }
    record.seq = Int(head[0][0]) + 1;
    record.prev_hash = Text(head[0][1]);
    record.hash = domain::ComputeAuditHash(key_, record.prev_hash, record);
    PgStatement insert(transaction_, "INSERT INTO audit_log (" + std::string(kAuditColumns) +
                                         ") VALUES ($1::bigint, $2, $3::bigint, $4, $5, $6, $7, "
                                         "$8, $9, $10, $11, $12)");
    insert.Bind(record.seq).Bind(record.at).Bind(record.actor_id).Bind(record.actor_login);
    insert.Bind(record.action).Bind(record.target_kind).Bind(record.target_id);
    insert.Bind(record.remote_address).Bind(record.outcome).Bind(record.detail);
    insert.Bind(record.prev_hash).Bind(record.hash).Run();
    PgStatement(transaction_, "UPDATE audit_head SET seq = $1::bigint, hash = $2 WHERE id = 1")
        .Bind(record.seq)
        .Bind(record.hash)
        .Run();
    return record.seq;
}

Outcome<std::vector<domain::AuditRecord>> PgAuditStore::Query(const AuditFilter& filter) {
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
    const auto head = transaction_.exec("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (head.empty()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {}, "audit_head row missing");
    }
    return std::make_pair(Int(head[0][0]), Text(head[0][1]));
}

}  // namespace motcua::storage::postgres
