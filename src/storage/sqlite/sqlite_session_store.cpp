#include "storage/sqlite/sqlite_stores.hpp"

namespace motcua::storage::sqlite {

Outcome<Done> SqliteSessionStore::Insert(const Session& session) {
    auto insert = connection_.Prepare(
        "INSERT INTO sessions (token_hash, account_id, kind, csrf_hash, created_at, expires_at, "
        "remote_address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.Bind(1, session.token_hash).Bind(2, session.account_id).Bind(3, session.kind);
    insert.Bind(4, session.csrf_hash).Bind(5, session.created_at).Bind(6, session.expires_at);
    insert.Bind(7, session.remote_address).Run();
    return Done{};
}

Outcome<std::optional<Session>> SqliteSessionStore::Find(const std::string& token_hash) {
    auto select = connection_.Prepare(
        "SELECT token_hash, account_id, kind, csrf_hash, created_at, expires_at, "
        "coalesce(revoked_at, ''), remote_address FROM sessions WHERE token_hash = ?1");
    select.Bind(1, token_hash);
    if (!select.Step()) {
        return std::optional<Session>{};
    }
    return std::optional<Session>(Session{
        select.ColumnText(0), select.ColumnInt(1), select.ColumnText(2), select.ColumnText(3),
        select.ColumnText(4), select.ColumnText(5), select.ColumnText(6), select.ColumnText(7)});
}

Outcome<Done> SqliteSessionStore::Revoke(const std::string& token_hash, const std::string& at) {
    auto update = connection_.Prepare(
        "UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL");
    update.Bind(1, token_hash).Bind(2, at).Run();
    return Done{};
}

Outcome<Done> SqliteSessionStore::RevokeAllFor(std::int64_t account_id, const std::string& at,
                                               const std::string& except_token_hash) {
    auto update = connection_.Prepare(
        "UPDATE sessions SET revoked_at = ?2 WHERE account_id = ?1 AND revoked_at IS NULL "
        "AND token_hash <> ?3");
    update.Bind(1, account_id).Bind(2, at).Bind(3, except_token_hash).Run();
    return Done{};
}

Outcome<Done> SqliteTransaction::Isolated(const std::function<Outcome<Done>()>& work) {
    connection_.Exec("SAVEPOINT isolated");
    Outcome<Done> result = Done{};
    try {
        result = work();
    } catch (...) {
        connection_.Exec("ROLLBACK TO isolated");
        connection_.Exec("RELEASE isolated");
        throw;
    }
    if (!result) {
        connection_.Exec("ROLLBACK TO isolated");
    }
    connection_.Exec("RELEASE isolated");
    return result;
}

}  // namespace motcua::storage::sqlite
