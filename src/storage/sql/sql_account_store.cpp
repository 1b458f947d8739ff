#include "storage/sql/sql_account_store.hpp"

#include "storage/sql_text.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kSelectAccount =
    "SELECT id, kind, login, name, phone, email, agency_code, title, representative, "
    "password_hash, disabled, created_at, password_changed_at, must_change_password "
    "FROM accounts ";
// A taken login inserts nothing and returns no row, even when another connection inserts the
// same login concurrently (the unique index decides).
constexpr std::string_view kInsertAccount =
    "INSERT INTO accounts (kind, login, name, phone, email, agency_code, title, representative, "
    "password_hash, disabled, created_at, password_changed_at, must_change_password) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10::int, ?11, ?11, ?12::int) "
    "ON CONFLICT (login) DO NOTHING RETURNING id";
constexpr std::string_view kInsertGrant =
    "INSERT INTO account_roles (account_id, role, agency_code) VALUES (?1::bigint, ?2, ?3) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kSelectGrants =
    "SELECT role, agency_code FROM account_roles WHERE account_id = ?1::bigint "
    "ORDER BY role, agency_code";

domain::Account ReadAccount(const Statement& row) {
    domain::Account account;
    account.id = row.ColumnInt(0);
    account.kind =
        domain::ParseAccountKind(row.ColumnText(1)).value_or(domain::AccountKind::kCitizen);
    account.login = row.ColumnText(2);
    account.name = row.ColumnText(3);
    account.phone = row.ColumnText(4);
    account.email = row.ColumnText(5);
    account.agency_code = row.ColumnText(6);
    account.title = row.ColumnText(7);
    account.representative = row.ColumnText(8);
    account.password_hash = row.ColumnText(9);
    account.disabled = row.ColumnInt(10) != 0;
    account.created_at = row.ColumnText(11);
    account.password_changed_at = row.ColumnText(12);
    account.must_change_password = row.ColumnInt(13) != 0;
    return account;
}

Error NotFound(std::int64_t id) {
    return MakeError(ErrorKind::kNotFound, "account_not_found", std::to_string(id));
}

}  // namespace

void SqlAccountStore::LoadGrants(domain::Account& account) {
    auto select = session_.Prepare(kSelectGrants);
    select.Bind(1, account.id);
    while (select.Step()) {
        if (auto role = domain::ParseRole(select.ColumnText(0))) {
            account.grants.push_back({*role, select.ColumnText(1)});
        }
    }
}

Outcome<std::int64_t> SqlAccountStore::Insert(const domain::Account& account) {
    auto insert = session_.Prepare(kInsertAccount);
    insert.Bind(1, domain::AccountKindName(account.kind)).Bind(2, account.login);
    insert.Bind(3, account.name).Bind(4, account.phone).Bind(5, account.email);
    insert.Bind(6, account.agency_code).Bind(7, account.title).Bind(8, account.representative);
    insert.Bind(9, account.password_hash).Bind(10, std::int64_t{account.disabled ? 1 : 0});
    insert.Bind(11, account.created_at);
    insert.Bind(12, std::int64_t{account.must_change_password ? 1 : 0});
    if (!insert.Step()) {
        return MakeError(ErrorKind::kConflict, "login_taken", account.login);
    }
    const std::int64_t id = insert.ColumnInt(0);
    insert.Run();
    MOTCUA_RETURN_IF_ERROR(SetGrants(id, account.grants));
    return id;
}

Outcome<std::optional<domain::Account>> SqlAccountStore::FindOne(Statement select) {
    if (!select.Step()) {
        return std::optional<domain::Account>{};
    }
    auto account = ReadAccount(select);
    select.Run();
    LoadGrants(account);
    return std::optional<domain::Account>(std::move(account));
}

Outcome<std::optional<domain::Account>> SqlAccountStore::FindById(std::int64_t id) {
    auto select = session_.Prepare(std::string(kSelectAccount) + "WHERE id = ?1::bigint");
    select.Bind(1, id);
    return FindOne(std::move(select));
}

Outcome<std::optional<domain::Account>> SqlAccountStore::FindByLogin(const std::string& login) {
    auto select = session_.Prepare(std::string(kSelectAccount) + "WHERE login = ?1");
    select.Bind(1, login);
    return FindOne(std::move(select));
}

Outcome<std::vector<domain::Account>> SqlAccountStore::List(const AccountFilter& filter) {
    std::string sql = std::string(kSelectAccount) +
                      "WHERE id > ?1::bigint AND (?2::text = '' OR kind = ?2::text) "
                      "AND login LIKE ?3::text ESCAPE '\\'";
    if (!filter.agency_codes.empty()) {
        // One bound parameter per agency code; the codes come from the caller's scope.
        sql += " AND agency_code IN (" + Placeholders(5, filter.agency_codes.size()) + ")";
    }
    sql += " ORDER BY id LIMIT ?4::bigint";
    auto select = session_.Prepare(sql);
    select.Bind(1, filter.after_id);
    select.Bind(2, filter.kind ? domain::AccountKindName(*filter.kind) : "");
    select.Bind(3, EscapeLike(filter.login_prefix) + "%");
    select.Bind(4, std::int64_t{filter.limit});
    for (std::size_t i = 0; i < filter.agency_codes.size(); ++i) {
        select.Bind(static_cast<int>(i + 5), filter.agency_codes[i]);
    }
    std::vector<domain::Account> accounts;
    while (select.Step()) {
        accounts.push_back(ReadAccount(select));
    }
    for (auto& account : accounts) {
        LoadGrants(account);
    }
    return accounts;
}

Outcome<Done> SqlAccountStore::SetPasswordHash(std::int64_t id, const std::string& hash,
                                               const std::string& at, bool one_time) {
    auto update = session_.Prepare(
        "UPDATE accounts SET password_hash = ?2, password_changed_at = ?3, "
        "must_change_password = ?4::int WHERE id = ?1::bigint");
    update.Bind(1, id).Bind(2, hash).Bind(3, at).Bind(4, std::int64_t{one_time ? 1 : 0}).Run();
    if (update.Changes() == 0) {
        return NotFound(id);
    }
    return Done{};
}

Outcome<Done> SqlAccountStore::SetDisabled(std::int64_t id, bool disabled) {
    auto update = session_.Prepare("UPDATE accounts SET disabled = ?2::int WHERE id = ?1::bigint");
    update.Bind(1, id).Bind(2, std::int64_t{disabled ? 1 : 0}).Run();
    if (update.Changes() == 0) {
        return NotFound(id);
    }
    return Done{};
}

Outcome<Done> SqlAccountStore::SetGrants(std::int64_t id,
                                         const std::vector<domain::RoleGrant>& grants) {
    session_.Prepare("DELETE FROM account_roles WHERE account_id = ?1::bigint").Bind(1, id).Run();
    for (const auto& grant : grants) {
        auto insert = session_.Prepare(kInsertGrant);
        insert.Bind(1, id).Bind(2, domain::RoleName(grant.role)).Bind(3, grant.agency_code).Run();
    }
    return Done{};
}

Outcome<Done> SqlSessionStore::Insert(const storage::Session& record) {
    auto insert = session_.Prepare(
        "INSERT INTO sessions (token_hash, account_id, kind, csrf_hash, created_at, expires_at, "
        "remote_address) VALUES (?1, ?2::bigint, ?3, ?4, ?5, ?6, ?7)");
    insert.Bind(1, record.token_hash).Bind(2, record.account_id).Bind(3, record.kind);
    insert.Bind(4, record.csrf_hash).Bind(5, record.created_at).Bind(6, record.expires_at);
    insert.Bind(7, record.remote_address).Run();
    return Done{};
}

Outcome<std::optional<storage::Session>> SqlSessionStore::Find(const std::string& token_hash) {
    auto select = session_.Prepare(
        "SELECT token_hash, account_id, kind, csrf_hash, created_at, expires_at, "
        "coalesce(revoked_at, ''), remote_address FROM sessions WHERE token_hash = ?1");
    select.Bind(1, token_hash);
    if (!select.Step()) {
        return std::optional<storage::Session>{};
    }
    return std::optional<storage::Session>(storage::Session{
        select.ColumnText(0), select.ColumnInt(1), select.ColumnText(2), select.ColumnText(3),
        select.ColumnText(4), select.ColumnText(5), select.ColumnText(6), select.ColumnText(7)});
}

Outcome<Done> SqlSessionStore::Revoke(const std::string& token_hash, const std::string& at) {
    session_
        .Prepare("UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL")
        .Bind(1, token_hash)
        .Bind(2, at)
        .Run();
    return Done{};
}

Outcome<Done> SqlSessionStore::RevokeAllFor(std::int64_t account_id, const std::string& at,
                                            const std::string& except_token_hash) {
    session_
        .Prepare(
            "UPDATE sessions SET revoked_at = ?2 WHERE account_id = ?1::bigint "
            "AND revoked_at IS NULL AND token_hash <> ?3")
        .Bind(1, account_id)
        .Bind(2, at)
        .Bind(3, except_token_hash)
        .Run();
    return Done{};
}

}  // namespace motcua::storage::sql
