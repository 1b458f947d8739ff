// AuthService: signing in and out, and turning a presented token into an Actor. Browser
// sessions travel in an HttpOnly cookie and need a CSRF token for unsafe methods; API clients
// present the token as a bearer. Tokens are random, stored only as hashes, expire, and are
// revoked at logout, password change and account disable. Every attempt is audited.
#pragma once

#include <chrono>
#include <string>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/account.hpp"
#include "domain/access/actor.hpp"
#include "services/auth/credentials.hpp"
#include "services/auth/login_throttle.hpp"
#include "services/auth/session_cache.hpp"
#include "storage/database.hpp"

namespace motcua::services {

enum class SessionKind { kCookie, kBearer };

/// The longest login any account has (officer user names are at most 64 characters).
inline constexpr std::size_t kMaxLoginLength = 64;

struct AuthOptions {
    std::chrono::minutes session_lifetime{8 * 60};
    HashCost hash_cost = HashCost::kInteractive;
    bool demo_mode = false;  // The demo accounts' public password may be set.
};

struct LoginResult {
    std::string token;
    std::string csrf_token;  // Cookie sessions only.
    Instant expires_at;
    domain::Account account;
    SessionKind kind = SessionKind::kBearer;
};

/// A verified session: who is acting, and what the CSRF check compares against.
struct AuthenticatedSession {
    domain::Actor actor;
    SessionKind kind = SessionKind::kBearer;
    std::string token_hash;
    std::string csrf_hash;
};

class AuthService {
public:
    AuthService(storage::Database& database, const Clock& clock, LoginThrottle& throttle,
                SessionCache& sessions, AuthOptions options);

    /// Checks the password and opens a session; 401 invalid_credentials, 429 when throttled.
    Outcome<LoginResult> Login(const std::string& login, const std::string& password,
                               SessionKind kind, const std::string& remote_address);
    /// Returns the session of `token`; 401 session_invalid when unknown, expired or revoked.
    Outcome<AuthenticatedSession> Authenticate(std::string_view token,
                                               const std::string& remote_address);
    /// Returns true when `csrf_token` belongs to the cookie session (constant-time).
    static bool IsCsrfValid(const AuthenticatedSession& session, std::string_view csrf_token);
    Outcome<Done> Logout(const AuthenticatedSession& session);
    /// Returns the actor's own account (an audited read of personal data).
    Outcome<domain::Account> GetOwnAccount(const domain::Actor& actor);
    /// Changes the actor's password after checking the current one; ends other sessions.
    Outcome<Done> ChangeOwnPassword(const AuthenticatedSession& session,
                                    const std::string& current_password,
                                    const std::string& new_password);

private:
    /// Reads the session and its account from the database; false when it is not valid.
    Outcome<bool> ReadSession(AuthenticatedSession& authenticated, Instant& expires_at);
    Outcome<Done> RecordFailure(const std::string& login, std::int64_t account_id,
                                const std::string& remote_address, const std::string& reason);

    storage::Database& database_;
    const Clock& clock_;
    LoginThrottle& throttle_;
    SessionCache& sessions_;
    AuthOptions options_;
    std::string dummy_hash_;  // Verified against when the login is unknown, to equalise timing.
};

}  // namespace motcua::services
