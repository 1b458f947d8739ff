#include "services/auth/auth_service.hpp"

#include "common/time_format.hpp"
#include "domain/access/password_policy.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {
namespace {

Error InvalidCredentials() { return MakeError(ErrorKind::kUnauthenticated, "invalid_credentials"); }

Error SessionInvalid() { return MakeError(ErrorKind::kUnauthenticated, "session_invalid"); }

domain::Actor ActorOf(const domain::Account& account, const std::string& remote_address) {
    domain::Actor actor;
    actor.account_id = account.id;
    actor.kind = account.kind;
    actor.login = account.login;
    actor.name = account.name;
    actor.grants = account.grants;
    actor.remote_address = remote_address;
    actor.must_change_password = account.must_change_password;
    return actor;
}

}  // namespace

AuthService::AuthService(storage::Database& database, const Clock& clock, LoginThrottle& throttle,
                         SessionCache& sessions, AuthOptions options)
    : database_(database),
      clock_(clock),
      throttle_(throttle),
      sessions_(sessions),
      options_(options),
      dummy_hash_(HashPassword("not a real password: timing equaliser", options.hash_cost)) {}

Outcome<Done> AuthService::RecordFailure(const std::string& login, std::int64_t account_id,
                                         const std::string& remote_address,
                                         const std::string& reason) {
    domain::Actor attempt = domain::Actor::Anonymous(remote_address);
    attempt.account_id = account_id;
    attempt.login = login;
    return RecordAudit(database_,
                       MakeAuditEntry(clock_, attempt, "auth.login", "account", login,
                                      AuditOutcome::kFailed, R"({"reason":")" + reason + "\"}"));
}

Outcome<LoginResult> AuthService::Login(const std::string& login, const std::string& password,
                                        SessionKind kind, const std::string& remote_address) {
    if (login.empty() || login.size() > kMaxLoginLength || password.size() > 1024) {
        // No account has such a login: refuse before it reaches the throttle or the audit log.
        return InvalidCredentials();
    }
    const Instant attempted_at = clock_.Now();
    if (const auto wait = throttle_.Admit(login, remote_address, attempted_at)) {
        (void)RecordFailure(login, 0, remote_address, "throttled");
        Error error = MakeError(ErrorKind::kRateLimited, "too_many_attempts");
        error.retry_after_seconds = static_cast<int>(wait->count());
        return error;
    }
    std::optional<domain::Account> account;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto result, transaction.Accounts().FindByLogin(login));
        account = std::move(result);
        return Done{};
    }));
    const bool password_ok = account ? VerifyPassword(account->password_hash, password)
                                     : (VerifyPassword(dummy_hash_, password), false);
    if (!account || !password_ok || account->disabled) {
        // Admit has already counted this attempt as a failure.
        (void)RecordFailure(login, account ? account->id : 0, remote_address,
                            !account            ? "unknown_login"
                            : account->disabled ? "disabled"
                                                : "wrong_password");
        return InvalidCredentials();  // The same answer whatever failed: no account probing.
    }
    throttle_.RecordSuccess(login, remote_address, attempted_at);

    LoginResult result;
    result.kind = kind;
    result.token = NewToken();
    result.csrf_token = kind == SessionKind::kCookie ? NewToken() : std::string{};
    result.expires_at = clock_.Now() + options_.session_lifetime;
    result.account = *account;
    storage::Session session{HashToken(result.token),
                             account->id,
                             kind == SessionKind::kCookie ? "cookie" : "bearer",
                             result.csrf_token.empty() ? "" : HashToken(result.csrf_token),
                             FormatUtc(clock_.Now()),
                             FormatUtc(result.expires_at),
                             "",
                             remote_address};
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(transaction.Sessions().Insert(session));
        return AppendAudit(transaction,
                           MakeAuditEntry(clock_, ActorOf(*account, remote_address), "auth.login",
                                          "account", std::to_string(account->id), AuditOutcome::kOk,
                                          std::string("{\"session\":\"") + session.kind + "\"}"));
    }));
    return result;
}

Outcome<AuthenticatedSession> AuthService::Authenticate(std::string_view token,
                                                        const std::string& remote_address) {
    if (token.empty() || token.size() > 256) {
        return SessionInvalid();
    }
    AuthenticatedSession authenticated;
    authenticated.token_hash = HashToken(token);
    const Instant now = clock_.Now();
    if (auto cached = sessions_.Find(authenticated.token_hash, now)) {
        authenticated.actor = std::move(cached->actor);
        authenticated.actor.remote_address = remote_address;
        authenticated.kind = cached->is_cookie ? SessionKind::kCookie : SessionKind::kBearer;
        authenticated.csrf_hash = std::move(cached->csrf_hash);
        return authenticated;
    }
    const std::uint64_t generation = sessions_.Generation();
    Instant expires_at;
    MOTCUA_ASSIGN_OR_RETURN(auto valid, ReadSession(authenticated, expires_at));
    if (!valid) {
        return SessionInvalid();
    }
    sessions_.Put(authenticated.token_hash,
                  {authenticated.actor, authenticated.kind == SessionKind::kCookie,
                   authenticated.csrf_hash, expires_at},
                  now, generation);
    authenticated.actor.remote_address = remote_address;
    return authenticated;
}

Outcome<bool> AuthService::ReadSession(AuthenticatedSession& authenticated, Instant& expires_at) {
    bool valid = false;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto session,
                                transaction.Sessions().Find(authenticated.token_hash));
        if (!session || !session->revoked_at.empty()) {
            return Done{};
        }
        // An unreadable expiry counts as expired.
        const auto expiry = ParseRfc3339(session->expires_at);
        if (!expiry || *expiry <= clock_.Now()) {
            return Done{};
        }
        MOTCUA_ASSIGN_OR_RETURN(auto account, transaction.Accounts().FindById(session->account_id));
        if (!account || account->disabled) {
            return Done{};
        }
        expires_at = *expiry;
        authenticated.actor = ActorOf(*account, "");
        authenticated.kind =
            session->kind == "cookie" ? SessionKind::kCookie : SessionKind::kBearer;
        authenticated.csrf_hash = session->csrf_hash;
        valid = true;
        return Done{};
    }));
    return valid;
}

bool AuthService::IsCsrfValid(const AuthenticatedSession& session, std::string_view csrf_token) {
    return session.kind == SessionKind::kBearer ||
           (!session.csrf_hash.empty() && !csrf_token.empty() &&
            ConstantTimeEquals(HashToken(csrf_token), session.csrf_hash));
}

Outcome<Done> AuthService::Logout(const AuthenticatedSession& session) {
    auto revoked = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(
            transaction.Sessions().Revoke(session.token_hash, FormatUtc(clock_.Now())));
        return AppendAudit(
            transaction,
            MakeAuditEntry(clock_, session.actor, "auth.logout", "account",
                           std::to_string(session.actor.account_id), AuditOutcome::kOk));
    });
    sessions_.ForgetToken(session.token_hash);  // After the commit; see SessionCache::Put.
    return revoked;
}

Outcome<domain::Account> AuthService::GetOwnAccount(const domain::Actor& actor) {
    if (actor.account_id == 0) {
        return MakeError(ErrorKind::kUnauthenticated, "authentication_required");
    }
    std::optional<domain::Account> account;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Accounts().FindById(actor.account_id));
        account = std::move(found);
        return AppendAudit(transaction,
                           MakeAuditEntry(clock_, actor, "account.read", "account",
                                          std::to_string(actor.account_id), AuditOutcome::kOk));
    }));
    if (!account) {
        return SessionInvalid();
    }
    return *account;
}

Outcome<Done> AuthService::ChangeOwnPassword(const AuthenticatedSession& session,
                                             const std::string& current_password,
                                             const std::string& new_password) {
    MOTCUA_ASSIGN_OR_RETURN(auto account, GetOwnAccount(session.actor));
    const Instant attempted_at = clock_.Now();
    const std::string& login = account.login;
    if (const auto wait = throttle_.Admit(login, session.actor.remote_address, attempted_at)) {
        Error error = MakeError(ErrorKind::kRateLimited, "too_many_attempts");
        error.retry_after_seconds = static_cast<int>(wait->count());
        return error;
    }
    if (!VerifyPassword(account.password_hash, current_password)) {
        return MakeError(ErrorKind::kInvalid, "wrong_current_password", "current_password");
    }
    throttle_.RecordSuccess(login, session.actor.remote_address, attempted_at);
    MOTCUA_RETURN_IF_ERROR(domain::CheckPasswordPolicy(
        new_password, {account.login, account.name, options_.demo_mode}));
    const std::string hash = HashPassword(new_password, options_.hash_cost);
    const std::string now = FormatUtc(clock_.Now());
    auto changed = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(
            transaction.Accounts().SetPasswordHash(session.actor.account_id, hash, now, false));
        // Every other session ends; the one that changed the password stays open.
        MOTCUA_RETURN_IF_ERROR(
            transaction.Sessions().RevokeAllFor(session.actor.account_id, now, session.token_hash));
        return AppendAudit(
            transaction,
            MakeAuditEntry(clock_, session.actor, "account.change_password", "account",
                           std::to_string(session.actor.account_id), AuditOutcome::kOk));
    });
    sessions_.ForgetAccount(session.actor.account_id);  // After the commit; see SessionCache::Put.
    return changed;
}

}  // namespace motcua::services
