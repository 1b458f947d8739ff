#include "storage/sql_text.hpp"
#include "storage/sqlite/sqlite_stores.hpp"

namespace motcua::storage::sqlite {
namespace {

constexpr std::string_view kAccountColumns =
    "id, kind, login, name, phone, email, agency_code, title, representative, password_hash, "
    "disabled, created_at, password_changed_at";
constexpr std::string_view kInsertAccount =
    "INSERT INTO accounts (kind, login, name, phone, email, agency_code, title, representative, "
    "password_hash, disabled, created_at, password_changed_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
constexpr std::string_view kInsertGrant =
    "INSERT OR IGNORE INTO account_roles (account_id, role, agency_code) VALUES (?1, ?2, ?3)";
constexpr std::string_view kSelectGrants =
    "SELECT role, agency_code FROM account_roles WHERE account_id = ?1 ORDER BY role, agency_code";

domain::Account ReadAccount(const SqliteStatement& row) {
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
    return account;
}

Error NotFound(std::int64_t id) {
    return MakeError(ErrorKind::kNotFound, "account_not_found", std::to_string(id));
}

}  // namespace

void SqliteAccountStore::LoadGrants(domain::Account& account) {
    auto select = connection_.Prepare(kSelectGrants);
    select.Bind(1, account.id);
    while (select.Step()) {
        if (auto role = domain::ParseRole(select.ColumnText(0))) {
            account.grants.push_back({*role, select.ColumnText(1)});
        }
    }
}

Outcome<std::int64_t> SqliteAccountStore::Insert(const domain::Account& account) {
    auto existing = connection_.Prepare("SELECT 1 FROM accounts WHERE login = ?1");
    existing.Bind(1, account.login);
    if (existing.Step()) {
        return MakeError(ErrorKind::kConflict, "login_taken", account.login);
    }
    auto insert = connection_.Prepare(kInsertAccount);
    insert.Bind(1, domain::AccountKindName(account.kind)).Bind(2, account.login);
    insert.Bind(3, account.name).Bind(4, account.phone).Bind(5, account.email);
    insert.Bind(6, account.agency_code).Bind(7, account.title).Bind(8, account.representative);
    insert.Bind(9, account.password_hash).Bind(10, std::int64_t{account.disabled ? 1 : 0});
    insert.Bind(11, account.created_at).Run();
    const std::int64_t id = sqlite3_last_insert_rowid(connection_.GetHandle());
    if (auto granted = SetGrants(id, account.grants); !granted) {
        return granted.GetError();
    }
    return id;
}

Outcome<std::optional<domain::Account>> SqliteAccountStore::FindById(std::int64_t id) {
    auto select = connection_.Prepare("SELECT " + std::string(kAccountColumns) +
                                      " FROM accounts WHERE id = ?1");
    select.Bind(1, id);
    if (!select.Step()) {
        return std::optional<domain::Account>{};
    }
    auto account = ReadAccount(select);
    LoadGrants(account);
    return std::optional<domain::Account>(std::move(account));
}

Outcome<std::optional<domain::Account>> SqliteAccountStore::FindByLogin(const std::string& login) {
    auto select = connection_.Prepare("SELECT " + std::string(kAccountColumns) +
                                      " FROM accounts WHERE login = ?1");
    select.Bind(1, login);
    if (!select.Step()) {
        return std::optional<domain::Account>{};
    }
    auto account = ReadAccount(select);
    LoadGrants(account);
    return std::optional<domain::Account>(std::move(account));
}

Outcome<std::vector<domain::Account>> SqliteAccountStore::List(const AccountFilter& filter) {
    std::string sql = "SELECT " + std::string(kAccountColumns) +
                      " FROM accounts WHERE id > ?1 AND (?2 = '' OR kind = ?2) AND login LIKE ?3 "
                      "ESCAPE '\\'";
    if (!filter.agency_codes.empty()) {
        // One bound parameter per agency code; the codes come from the caller's scope.
        sql += " AND agency_code IN (" + NumberedPlaceholders(5, filter.agency_codes.size()) + ")";
    }
    sql += " ORDER BY id LIMIT ?4";
    auto select = connection_.Prepare(sql);
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

Outcome<Done> SqliteAccountStore::SetPasswordHash(std::int64_t id, const std::string& hash,
                                                  const std::string& at) {
    auto update = connection_.Prepare(
        "UPDATE accounts SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1");
    update.Bind(1, id).Bind(2, hash).Bind(3, at).Run();
    if (sqlite3_changes(connection_.GetHandle()) == 0) {
        return NotFound(id);
    }
    return Done{};
}

Outcome<Done> SqliteAccountStore::SetDisabled(std::int64_t id, bool disabled) {
    auto update = connection_.Prepare("UPDATE accounts SET disabled = ?2 WHERE id = ?1");
    update.Bind(1, id).Bind(2, std::int64_t{disabled ? 1 : 0}).Run();
    if (sqlite3_changes(connection_.GetHandle()) == 0) {
        return NotFound(id);
    }
    return Done{};
}

Outcome<Done> SqliteAccountStore::SetGrants(std::int64_t id,
                                            const std::vector<domain::RoleGrant>& grants) {
    auto clear = connection_.Prepare("DELETE FROM account_roles WHERE account_id = ?1");
    clear.Bind(1, id).Run();
    for (const auto& grant : grants) {
        auto insert = connection_.Prepare(kInsertGrant);
        insert.Bind(1, id).Bind(2, domain::RoleName(grant.role)).Bind(3, grant.agency_code).Run();
    }
    return Done{};
}

}  // namespace motcua::storage::sqlite
