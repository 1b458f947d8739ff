#include <pqxx/pqxx>

#include "storage/postgres/pg_statement.hpp"
#include "storage/postgres/pg_stores.hpp"

namespace motcua::storage::postgres {

Outcome<Done> PgSessionStore::Insert(const Session& session) {
    PgStatement insert(transaction_,
                       "INSERT INTO sessions (token_hash, account_id, kind, csrf_hash, created_at, "
                       "expires_at, remote_address) VALUES ($1, $2::bigint, $3, $4, $5, $6, $7)");
    insert.Bind(session.token_hash).Bind(session.account_id).Bind(session.kind);
    insert.Bind(session.csrf_hash).Bind(session.created_at).Bind(session.expires_at);
    insert.Bind(session.remote_address).Run();
    return Done{};
}

Outcome<std::optional<Session>> PgSessionStore::Find(const std::string& token_hash) {
    const auto rows =
        PgStatement(transaction_,
                    "SELECT token_hash, account_id, kind, csrf_hash, created_at, expires_at, "
                    "coalesce(revoked_at, ''), remote_address FROM sessions WHERE token_hash = $1")
            .Bind(token_hash)
            .Run();
    if (rows.empty()) {
        return std::optional<Session>{};
    }
    const auto& row = rows[0];
    return std::optional<Session>(Session{Text(row[0]), Int(row[1]), Text(row[2]), Text(row[3]),
                                          Text(row[4]), Text(row[5]), Text(row[6]), Text(row[7])});
}

Outcome<Done> PgSessionStore::Revoke(const std::string& token_hash, const std::string& at) {
    PgStatement(transaction_,
                "UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL")
        .Bind(token_hash)
        .Bind(at)
        .Run();
    return Done{};
}

Outcome<Done> PgSessionStore::RevokeAllFor(std::int64_t account_id, const std::string& at,
                                           const std::string& except_token_hash) {
    PgStatement(transaction_,
                "UPDATE sessions SET revoked_at = $2 WHERE account_id = $1::bigint "
                "AND revoked_at IS NULL AND token_hash <> $3")
        .Bind(account_id)
        .Bind(at)
        .Bind(except_token_hash)
        .Run();
    return Done{};
}

Outcome<Done> PgTransaction::Isolated(const std::function<Outcome<Done>()>& work) {
    // A failed statement leaves the transaction aborted until ROLLBACK TO its savepoint.
    // Audit records held for the commit are dropped with the savepoint's rows. Those held from
    // before are written first: a read of the log inside would write them within the savepoint,
    // and its rollback would lose them.
    MOTCUA_RETURN_IF_ERROR(audit_.Flush());
    const std::string name = "isolated_" + std::to_string(++savepoints_);
    transaction_.exec("SAVEPOINT " + name);
    Outcome<Done> result = Done{};
    try {
        result = work();
    } catch (...) {
        audit_.DropHeld();
        transaction_.exec("ROLLBACK TO SAVEPOINT " + name);
        transaction_.exec("RELEASE SAVEPOINT " + name);
        throw;
    }
    if (!result) {
        audit_.DropHeld();
        transaction_.exec("ROLLBACK TO SAVEPOINT " + name);
    }
    transaction_.exec("RELEASE SAVEPOINT " + name);
    return result;
}

}  // namespace motcua::storage::postgres
