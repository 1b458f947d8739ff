#include <pqxx/pqxx>

#include "storage/postgres/pg_statement.hpp"
#include "storage/postgres/pg_stores.hpp"
#include "storage/sql_text.hpp"

namespace motcua::storage::postgres {
namespace {

constexpr std::string_view kSelectAccount =
    "SELECT id, kind, login, name, phone, email, agency_code, title, representative, "
    "password_hash, disabled, created_at, password_changed_at FROM accounts ";
// A taken login inserts nothing and returns no row, even when another connection inserts the
// same login concurrently (the unique index decides).
constexpr std::string_view kInsertAccount =
    "INSERT INTO accounts (kind, login, name, phone, email, agency_code, title, representative, "
    "password_hash, disabled, created_at, password_changed_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::int, $11, $11) "
    "ON CONFLICT (login) DO NOTHING RETURNING id";
constexpr std::string_view kInsertGrant =
    "INSERT INTO account_roles (account_id, role, agency_code) VALUES ($1::bigint, $2, $3) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kSelectGrants =
    "SELECT role, agency_code FROM account_roles WHERE account_id = $1::bigint "
    "ORDER BY role, agency_code";

domain::Account ReadAccount(const pqxx::row& row) {
    domain::Account account;
    account.id = Int(row[0]);
    account.kind = domain::ParseAccountKind(Text(row[1])).value_or(domain::AccountKind::kCitizen);
    account.login = Text(row[2]);
    account.name = Text(row[3]);
    account.phone = Text(row[4]);
    account.email = Text(row[5]);
    account.agency_code = Text(row[6]);
    account.title = Text(row[7]);
    account.representative = Text(row[8]);
    account.password_hash = Text(row[9]);
    account.disabled = Int(row[10]) != 0;
    account.created_at = Text(row[11]);
    account.password_changed_at = Text(row[12]);
    return account;
}

Error NotFound(std::int64_t id) {
    return MakeError(ErrorKind::kNotFound, "account_not_found", std::to_string(id));
}

}  // namespace

void PgAccountStore::LoadGrants(domain::Account& account) {
    for (const auto& row :
         PgStatement(transaction_, std::string(kSelectGrants)).Bind(account.id).Run()) {
        if (auto role = domain::ParseRole(Text(row[0]))) {
            account.grants.push_back({*role, Text(row[1])});
        }
    }
}

Outcome<std::int64_t> PgAccountStore::Insert(const domain::Account& account) {
    PgStatement insert(transaction_, std::string(kInsertAccount));
    insert.Bind(domain::AccountKindName(account.kind)).Bind(account.login).Bind(account.name);
    insert.Bind(account.phone).Bind(account.email).Bind(account.agency_code);
    insert.Bind(account.title).Bind(account.representative).Bind(account.password_hash);
    insert.Bind(std::int64_t{account.disabled ? 1 : 0}).Bind(account.created_at);
    const auto inserted = insert.Run();
    if (inserted.empty()) {
        return MakeError(ErrorKind::kConflict, "login_taken", account.login);
    }
    const std::int64_t id = Int(inserted[0][0]);
    MOTCUA_RETURN_IF_ERROR(SetGrants(id, account.grants));
    return id;
}

Outcome<std::optional<domain::Account>> PgAccountStore::FindOne(const std::string& where,
                                                                const std::string& value) {
    const auto rows =
        PgStatement(transaction_, std::string(kSelectAccount) + where).Bind(value).Run();
    if (rows.empty()) {
        return std::optional<domain::Account>{};
    }
    auto account = ReadAccount(rows[0]);
    LoadGrants(account);
    return std::optional<domain::Account>(std::move(account));
}

Outcome<std::optional<domain::Account>> PgAccountStore::FindById(std::int64_t id) {
    return FindOne("WHERE id = $1::bigint", std::to_string(id));
}

Outcome<std::optional<domain::Account>> PgAccountStore::FindByLogin(const std::string& login) {
    return FindOne("WHERE login = $1", login);
}

Outcome<std::vector<domain::Account>> PgAccountStore::List(const AccountFilter& filter) {
    PgStatement select(transaction_,
                       std::string(kSelectAccount) +
                           "WHERE id > $1::bigint AND ($2::text = '' OR kind = $2::text) "
                           "AND login LIKE $3::text ESCAPE '\\' "
                           "AND (cardinality($5::text[]) = 0 OR agency_code = ANY ($5::text[])) "
                           "ORDER BY id LIMIT $4::bigint");
    select.Bind(filter.after_id);
    select.Bind(filter.kind ? domain::AccountKindName(*filter.kind) : "");
    select.Bind(EscapeLike(filter.login_prefix) + "%");
    select.Bind(std::int64_t{filter.limit}).Bind(TextArray(filter.agency_codes));
    std::vector<domain::Account> accounts;
    for (const auto& row : select.Run()) {
        accounts.push_back(ReadAccount(row));
    }
    for (auto& account : accounts) {
        LoadGrants(account);
    }
    return accounts;
}

Outcome<Done> PgAccountStore::SetPasswordHash(std::int64_t id, const std::string& hash,
                                              const std::string& at) {
    const auto updated = PgStatement(transaction_,
                                     "UPDATE accounts SET password_hash = $2, "
                                     "password_changed_at = $3 WHERE id = $1::bigint")
                             .Bind(id)
                             .Bind(hash)
                             .Bind(at)
                             .Run();
    if (updated.affected_rows() == 0) {
        return NotFound(id);
    }
    return Done{};
}

Outcome<Done> PgAccountStore::SetDisabled(std::int64_t id, bool disabled) {
    const auto updated =
        PgStatement(transaction_, "UPDATE accounts SET disabled = $2::int WHERE id = $1::bigint")
            .Bind(id)
            .Bind(std::int64_t{disabled ? 1 : 0})
            .Run();
    if (updated.affected_rows() == 0) {
        return NotFound(id);
    }
    return Done{};
}

Outcome<Done> PgAccountStore::SetGrants(std::int64_t id,
                                        const std::vector<domain::RoleGrant>& grants) {
    PgStatement(transaction_, "DELETE FROM account_roles WHERE account_id = $1::bigint")
        .Bind(id)
        .Run();
    for (const auto& grant : grants) {
        PgStatement(transaction_, std::string(kInsertGrant))
            .Bind(id)
            .Bind(domain::RoleName(grant.role))
            .Bind(grant.agency_code)
            .Run();
    }
    return Done{};
}

}  // namespace motcua::storage::postgres
