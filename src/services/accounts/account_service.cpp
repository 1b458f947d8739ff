#include "services/accounts/account_service.hpp"

#include <algorithm>

#include "common/time_format.hpp"
#include "domain/access/password_policy.hpp"
#include "domain/access/separation_of_duties.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {
namespace {

using domain::Permission;

Error AccountNotFound(const std::string& which) {
    return MakeError(ErrorKind::kNotFound, "account_not_found", which);
}

Error Invalid(std::string param, std::string code = "invalid_parameter") {
    return MakeError(ErrorKind::kInvalid, std::move(code), std::move(param));
}

bool IsProvinceWideRole(domain::Role role) {
    return role == domain::Role::kProvinceAdmin || role == domain::Role::kAuditor;
}

std::string GrantDetail(const domain::RoleGrant& grant) {
    return std::string(R"({"role":")") + domain::RoleName(grant.role) + R"(","agency":")" +
           grant.agency_code + "\"}";
}

// The auditor is never also an administrator (docs/permissions.md, separation of duties).
Outcome<Done> CheckCompatible(const std::vector<domain::RoleGrant>& grants) {
    if (auto role = domain::IncompatibleRole(grants)) {
        return MakeError(ErrorKind::kConflict, "incompatible_roles", domain::RoleName(*role));
    }
    return Done{};
}

}  // namespace

AccountService::AccountService(storage::Database& database, CatalogService& catalog,
                               const Clock& clock, HashCost hash_cost, SessionCache& sessions,
                               bool demo_mode)
    : database_(database),
      catalog_(catalog),
      clock_(clock),
      hash_cost_(hash_cost),
      sessions_(sessions),
      demo_mode_(demo_mode) {}

std::string AccountService::ScopeAgencyOf(const domain::Account& account) const {
    return account.kind == domain::AccountKind::kOfficer && !account.agency_code.empty()
               ? account.agency_code
               : catalog_.GetSnapshot()->GetRootCode();
}

Outcome<Done> AccountService::CheckGrantable(const domain::Actor& actor,
                                             const domain::Account& account,
                                             const domain::RoleGrant& grant) {
    if (!domain::IsRoleAllowedFor(account.kind, grant.role)) {
        return Invalid("role", "role_not_allowed");
    }
    if (grant.role == domain::Role::kAuditor && !actor.is_system) {
        // The auditor checks the administrators: no administrator makes or unmakes one.
        return MakeError(ErrorKind::kForbidden, "auditor_console_only", "role");
    }
    const auto snapshot = catalog_.GetSnapshot();
    const bool needs_agency = account.kind == domain::AccountKind::kOfficer;
    if (needs_agency && snapshot->FindAgency(grant.agency_code) == nullptr) {
        return Invalid("agency");
    }
    if (!needs_agency && !grant.agency_code.empty()) {
        return Invalid("agency");
    }
    bool province_wide = false;
    (void)domain::ScopeAgencies(actor, Permission::kManageAccounts, province_wide);
    const std::string target = needs_agency ? grant.agency_code : snapshot->GetRootCode();
    if ((IsProvinceWideRole(grant.role) && !province_wide) ||
        !domain::IsAllowed(actor, Permission::kManageAccounts, {target, 0},
                           MakeIsWithin(snapshot))) {
        return AccessDenied(actor);
    }
    return Done{};
}

Outcome<CreatedAccount> AccountService::Create(const domain::Actor& actor, NewAccount request) {
    const auto snapshot = catalog_.GetSnapshot();
    domain::Account account;
    account.kind = request.kind;
    account.login = request.login;
    account.name = request.name;
    account.phone = request.phone;
    account.email = request.email;
    account.agency_code = request.agency_code;
    account.title = request.title;
    account.representative = request.representative;
    const std::string scope_agency = ScopeAgencyOf(account);
    MOTCUA_RETURN_IF_ERROR(CheckAccess(database_, clock_, actor, Permission::kManageAccounts,
                                       {scope_agency, 0}, MakeIsWithin(snapshot),
                                       {"account.create", "account", request.login}));
    if (!domain::IsValidLogin(request.kind, request.login)) {
        return Invalid("login");
    }
    if (request.name.empty() || request.name.size() > 200) {
        return Invalid("name");
    }
    const bool is_officer = request.kind == domain::AccountKind::kOfficer;
    if (is_officer != !request.agency_code.empty() ||
        (is_officer && snapshot->FindAgency(request.agency_code) == nullptr)) {
        return Invalid("agency_code");
    }
    if (!is_officer) {
        // Citizens and organisations hold exactly their own role.
        request.grants = {{request.kind == domain::AccountKind::kCitizen
                               ? domain::Role::kCitizen
                               : domain::Role::kOrganisation,
                           ""}};
    }
    for (const auto& grant : request.grants) {
        MOTCUA_RETURN_IF_ERROR(CheckGrantable(actor, account, grant));
    }
    MOTCUA_RETURN_IF_ERROR(CheckCompatible(request.grants));
    account.grants = request.grants;
    CreatedAccount created;
    if (request.password.empty()) {
        created.generated_password = NewRandomPassword();
        request.password = created.generated_password;
    }
    MOTCUA_RETURN_IF_ERROR(
        domain::CheckPasswordPolicy(request.password, {request.login, request.name, demo_mode_}));
    account.password_hash = HashPassword(request.password, hash_cost_);
    account.created_at = FormatUtc(clock_.Now());
    account.password_changed_at = account.created_at;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto id, transaction.Accounts().Insert(account));
        account.id = id;
        return AppendAudit(transaction,
                           MakeAuditEntry(clock_, actor, "account.create", "account",
                                          std::to_string(account.id), AuditOutcome::kOk,
                                          std::string("{\"kind\":\"") +
                                              domain::AccountKindName(account.kind) + "\"}"));
    }));
    created.account = std::move(account);
    return created;
}

Outcome<domain::Account> AccountService::LoadFor(const domain::Actor& actor, std::int64_t id,
                                                 Permission permission, const std::string& action) {
    MOTCUA_ASSIGN_OR_RETURN(auto loaded, ReadAccount(id));
    domain::Account account = std::move(loaded);
    const auto snapshot = catalog_.GetSnapshot();
    auto allowed =
        CheckAccess(database_, clock_, actor, permission, {ScopeAgencyOf(account), account.id},
                    MakeIsWithin(snapshot), {action, "account", std::to_string(id)});
    if (allowed && permission == Permission::kManageAccounts && !actor.is_system) {
        // Managing an account (reset, disable, roles) is managing every role it holds: the
        // caller's scope must cover each grant's agency, and province-wide roles need a
        // province-wide caller — else a unit administrator could take over a province account.
        bool province_wide = false;
        (void)domain::ScopeAgencies(actor, Permission::kManageAccounts, province_wide);
        const auto is_within = MakeIsWithin(snapshot);
        for (const auto& grant : account.grants) {
            const bool covered =
                IsProvinceWideRole(grant.role)
                    ? province_wide
                    : grant.agency_code.empty() ||
                          domain::IsAllowed(actor, permission, {grant.agency_code, 0}, is_within);
            if (!covered) {
                (void)RecordAudit(
                    database_,
                    MakeAuditEntry(clock_, actor, action, "account", std::to_string(id),
                                   AuditOutcome::kDenied, R"({"reason":"grant_outside_scope"})"));
                allowed = AccessDenied(actor);
                break;
            }
        }
    }
    if (allowed && permission == Permission::kManageAccounts && !actor.is_system &&
        account.id != actor.account_id && !domain::MayManage(actor.grants, account.grants)) {
        // Within the caller's scope, but of equal or higher rights: only a higher administrator
        // (or the console) manages it — a ward admin cannot take over the ward head's account.
        (void)RecordAudit(database_,
                          MakeAuditEntry(clock_, actor, action, "account", std::to_string(id),
                                         AuditOutcome::kDenied, R"({"reason":"rights_too_high"})"));
        return MakeError(ErrorKind::kForbidden, "account_rights_too_high");
    }
    if (!allowed) {
        // Whether an account exists outside the caller's scope is itself not shown.
        return allowed.GetError().kind == ErrorKind::kUnauthenticated
                   ? allowed.GetError()
                   : AccountNotFound(std::to_string(id));
    }
    return account;
}

Outcome<domain::Account> AccountService::ReadAccount(std::int64_t id) {
    std::optional<domain::Account> account;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Accounts().FindById(id));
        account = std::move(found);
        return Done{};
    }));
    if (!account) {
        return AccountNotFound(std::to_string(id));
    }
    return *std::move(account);
}

Outcome<domain::Account> AccountService::Get(const domain::Actor& actor, std::int64_t id) {
    MOTCUA_ASSIGN_OR_RETURN(auto account,
                            LoadFor(actor, id, Permission::kReadAccounts, "account.read"));
    MOTCUA_RETURN_IF_ERROR(
        RecordAudit(database_, MakeAuditEntry(clock_, actor, "account.read", "account",
                                              std::to_string(id), AuditOutcome::kOk)));
    return account;
}

Outcome<domain::Account> AccountService::GetByLogin(const domain::Actor& actor,
                                                    const std::string& login) {
    std::int64_t id = 0;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Accounts().FindByLogin(login));
        id = found ? found->id : 0;
        return Done{};
    }));
    if (id == 0) {
        return AccountNotFound(login);
    }
    return Get(actor, id);
}

Outcome<AccountPage> AccountService::List(const domain::Actor& actor, const AccountQuery& query) {
    if (query.limit < 1 || query.limit > 200) {
        return Invalid("limit");
    }
    std::int64_t after_id = 0;
    if (!query.cursor.empty()) {
        const auto offset = DecodeCursor(query.cursor);
        if (!offset) {
            return MakeError(ErrorKind::kInvalid, "invalid_cursor", "cursor");
        }
        after_id = static_cast<std::int64_t>(*offset);
    }
    const auto snapshot = catalog_.GetSnapshot();
    bool province_wide = false;
    const auto scopes = domain::ScopeAgencies(actor, Permission::kManageAccounts, province_wide);
    bool read_province_wide = false;
    auto read_scopes = domain::ScopeAgencies(actor, Permission::kReadAccounts, read_province_wide);
    province_wide = province_wide || read_province_wide;
    read_scopes.insert(read_scopes.end(), scopes.begin(), scopes.end());
    if (!province_wide && read_scopes.empty()) {
        return AccessDenied(actor);
    }
    storage::AccountFilter filter;
    filter.kind = query.kind;
    filter.login_prefix = query.login_prefix;
    filter.after_id = after_id;
    filter.limit = query.limit + 1;
    std::vector<std::string> allowed;
    if (query.agency) {
        if (snapshot->FindAgency(*query.agency) == nullptr) {
            return Invalid("agency");
        }
        allowed = snapshot->SubtreeCodes(*query.agency);
    }
    if (!province_wide) {
        std::vector<std::string> in_scope;
        for (const auto& root : read_scopes) {
            for (auto& code : snapshot->SubtreeCodes(root)) {
                in_scope.push_back(std::move(code));
                if (in_scope.back() == snapshot->GetRootCode()) {
                    in_scope.emplace_back();  // Citizens and organisations belong to the root.
                }
            }
        }
        if (query.agency) {
            std::erase_if(allowed, [&](const std::string& code) {
                return std::find(in_scope.begin(), in_scope.end(), code) == in_scope.end();
            });
        } else {
            allowed = std::move(in_scope);
        }
        if (allowed.empty()) {
            return AccountPage{};
        }
    }
    filter.agency_codes = std::move(allowed);
    AccountPage page;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Accounts().List(filter));
        page.items = std::move(found);
        return AppendAudit(
            transaction,
            MakeAuditEntry(clock_, actor, "account.list", "account", "", AuditOutcome::kOk,
                           "{\"count\":" + std::to_string(page.items.size()) + "}"));
    }));
    if (static_cast<int>(page.items.size()) > query.limit) {
        page.items.pop_back();
        page.next_cursor = EncodeCursor(static_cast<std::size_t>(page.items.back().id));
    }
    return page;
}

Outcome<domain::Account> AccountService::Change(
    const domain::Actor& actor, std::int64_t id, const std::string& action,
    const std::string& detail, const std::function<Outcome<Done>(storage::Transaction&)>& change) {
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(change(transaction));
        return AppendAudit(transaction,
                           MakeAuditEntry(clock_, actor, action, "account", std::to_string(id),
                                          AuditOutcome::kOk, detail));
    }));
    // Roles, state or password changed: a cached session must not act with the old ones.
    sessions_.ForgetAccount(id);
    return ReadAccount(id);
}

Outcome<domain::Account> AccountService::SetDisabled(const domain::Actor& actor, std::int64_t id,
                                                     bool disabled) {
    const std::string action = disabled ? "account.disable" : "account.enable";
    MOTCUA_RETURN_IF_ERROR(LoadFor(actor, id, Permission::kManageAccounts, action));
    if (id == actor.account_id) {
        return MakeError(ErrorKind::kForbidden, "cannot_change_self");
    }
    return Change(actor, id, action, "{}", [&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(transaction.Accounts().SetDisabled(id, disabled));
        if (disabled) {
            MOTCUA_RETURN_IF_ERROR(
                transaction.Sessions().RevokeAllFor(id, FormatUtc(clock_.Now()), ""));
        }
        return Done{};
    });
}

Outcome<std::string> AccountService::ResetPassword(const domain::Actor& actor, std::int64_t id,
                                                   const std::string& new_password) {
    MOTCUA_ASSIGN_OR_RETURN(
        auto account, LoadFor(actor, id, Permission::kManageAccounts, "account.reset_password"));
    if (id == actor.account_id) {
        // One's own password changes only with the current one (POST /api/v1/me/password).
        return MakeError(ErrorKind::kForbidden, "cannot_change_self");
    }
    const std::string password = new_password.empty() ? NewRandomPassword() : new_password;
    MOTCUA_RETURN_IF_ERROR(
        domain::CheckPasswordPolicy(password, {account.login, account.name, demo_mode_}));
    const std::string hash = HashPassword(password, hash_cost_);
    const std::string now = FormatUtc(clock_.Now());
    // An administrator's reset hands out a one-time password: its holder must choose their own
    // at the next sign-in. The console's set-password is the operator's own act and is final.
    const bool one_time = !actor.is_system;
    MOTCUA_RETURN_IF_ERROR(Change(
        actor, id, "account.reset_password", one_time ? R"({"one_time":true})" : "{}",
        [&](storage::Transaction& transaction) -> Outcome<Done> {
            MOTCUA_RETURN_IF_ERROR(transaction.Accounts().SetPasswordHash(id, hash, now, one_time));
            return transaction.Sessions().RevokeAllFor(id, now, "");
        }));
    return new_password.empty() ? password : std::string{};
}

Outcome<domain::Account> AccountService::Grant(const domain::Actor& actor, std::int64_t id,
                                               const domain::RoleGrant& grant) {
    return ChangeGrant(actor, id, grant, true);
}

Outcome<domain::Account> AccountService::Revoke(const domain::Actor& actor, std::int64_t id,
                                                const domain::RoleGrant& grant) {
    return ChangeGrant(actor, id, grant, false);
}

Outcome<domain::Account> AccountService::ChangeGrant(const domain::Actor& actor, std::int64_t id,
                                                     const domain::RoleGrant& grant, bool add) {
    const std::string action = add ? "account.grant" : "account.revoke";
    MOTCUA_ASSIGN_OR_RETURN(auto account, LoadFor(actor, id, Permission::kManageAccounts, action));
    if (id == actor.account_id) {
        return MakeError(ErrorKind::kForbidden, "cannot_change_self");
    }
    MOTCUA_RETURN_IF_ERROR(CheckGrantable(actor, account, grant));
    auto grants = account.grants;
    std::erase(grants, grant);
    if (add) {
        grants.push_back(grant);
        MOTCUA_RETURN_IF_ERROR(CheckCompatible(grants));
    }
    return Change(actor, id, action, GrantDetail(grant), [&](storage::Transaction& transaction) {
        return transaction.Accounts().SetGrants(id, grants);
    });
}

}  // namespace motcua::services
