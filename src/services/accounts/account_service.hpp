// AccountService: administration of accounts — create, read, list, disable, reset passwords,
// grant and revoke roles. An agency administrator acts only within their agency subtree; the
// province-wide roles (province administrator, auditor) can be granted only by someone whose
// scope is the whole province; nobody changes their own roles or disables themselves. Every
// action and every read of an account is audited; passwords never appear in the log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/account.hpp"
#include "domain/access/actor.hpp"
#include "services/auth/credentials.hpp"
#include "services/auth/session_cache.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/database.hpp"

namespace motcua::services {

struct NewAccount {
    domain::AccountKind kind = domain::AccountKind::kCitizen;
    std::string login;
    std::string name;
    std::string phone;
    std::string email;
    std::string agency_code;
    std::string title;
    std::string representative;
    std::string password;  // Empty: a random one is generated and returned once.
    std::vector<domain::RoleGrant> grants;
};

struct CreatedAccount {
    domain::Account account;
    std::string generated_password;  // Empty when the caller chose the password.
};

struct AccountQuery {
    std::optional<domain::AccountKind> kind;
    std::optional<std::string> agency;  // Within this subtree (and the caller's scope).
    std::string login_prefix;
    int limit = 50;
    std::string cursor;
};

struct AccountPage {
    std::vector<domain::Account> items;
    std::string next_cursor;
};

class AccountService {
public:
    /// `demo_mode`: the demo accounts' public password may be set (docs/security.md).
    AccountService(storage::Database& database, CatalogService& catalog, const Clock& clock,
                   HashCost hash_cost, SessionCache& sessions, bool demo_mode = false);

    Outcome<CreatedAccount> Create(const domain::Actor& actor, NewAccount request);
    /// 404 when the account does not exist or the actor may not see it.
    Outcome<domain::Account> Get(const domain::Actor& actor, std::int64_t id);
    Outcome<domain::Account> GetByLogin(const domain::Actor& actor, const std::string& login);
    Outcome<AccountPage> List(const domain::Actor& actor, const AccountQuery& query);
    Outcome<domain::Account> SetDisabled(const domain::Actor& actor, std::int64_t id,
                                         bool disabled);
    /// Sets `new_password` (or a generated one, returned); ends the account's sessions.
    Outcome<std::string> ResetPassword(const domain::Actor& actor, std::int64_t id,
                                       const std::string& new_password);
    Outcome<domain::Account> Grant(const domain::Actor& actor, std::int64_t id,
                                   const domain::RoleGrant& grant);
    Outcome<domain::Account> Revoke(const domain::Actor& actor, std::int64_t id,
                                    const domain::RoleGrant& grant);

private:
    /// The agency that scopes access to `account`: an officer's agency, else the province.
    std::string ScopeAgencyOf(const domain::Account& account) const;
    /// Reads `id` from the store; 404 `account_not_found` when there is none.
    Outcome<domain::Account> ReadAccount(std::int64_t id);
    /// Loads `id` and checks `permission` on it; 404 when missing or not visible.
    Outcome<domain::Account> LoadFor(const domain::Actor& actor, std::int64_t id,
                                     domain::Permission permission, const std::string& action);
    /// Checks that `actor` may hand out `grant` (scope of the grant's agency, province roles).
    Outcome<Done> CheckGrantable(const domain::Actor& actor, const domain::Account& account,
                                 const domain::RoleGrant& grant);
    /// Adds (or removes) one role grant after the same checks for both.
    Outcome<domain::Account> ChangeGrant(const domain::Actor& actor, std::int64_t id,
                                         const domain::RoleGrant& grant, bool add);
    /// Applies `change` to the stored account with its audit record in one transaction.
    Outcome<domain::Account> Change(
        const domain::Actor& actor, std::int64_t id, const std::string& action,
        const std::string& detail,
        const std::function<Outcome<Done>(storage::Transaction&)>& change);

    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
    HashCost hash_cost_;
    SessionCache& sessions_;
    bool demo_mode_;
};

}  // namespace motcua::services
