// Actor: who is acting — a signed-in account with its role grants, the anonymous public, or the
// system itself (CLI commands run by the server's operator). Every service call takes one, and
// every audit record names one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/access/role.hpp"

namespace motcua::domain {

struct Actor {
    std::int64_t account_id = 0;  // 0: anonymous or system.
    AccountKind kind = AccountKind::kCitizen;
    std::string login;  // Personal ID number, tax code, or officer user name.
    std::string name;
    std::vector<RoleGrant> grants;
    std::string remote_address;
    bool is_system = false;
    // Signed in with a one-time password (an administrator's reset): until the holder sets their
    // own, the API answers only GET /api/v1/me, POST /api/v1/me/password and logout.
    bool must_change_password = false;

    bool IsAnonymous() const { return account_id == 0 && !is_system; }
    /// Who an event records as its actor: the account's login, or "system:<what>".
    std::string EventLogin() const { return is_system ? "system:" + name : login; }
    /// The operator at the console (motcua CLI): allowed everything, audited as "system".
    static Actor System(std::string what) {
        Actor actor;
        actor.is_system = true;
        actor.login = "system";
        actor.name = std::move(what);
        actor.remote_address = "local";
        return actor;
    }
    static Actor Anonymous(std::string remote_address) {
        Actor actor;
        actor.remote_address = std::move(remote_address);
        return actor;
    }
};

}  // namespace motcua::domain
