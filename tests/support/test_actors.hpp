// Who acts in the service tests, and where: officers and citizens as the session layer would
// build them, and a small agency tree of two wards (one with its service centre).
#pragma once

#include <cstdint>
#include <string>

#include "domain/access/actor.hpp"

namespace motcua::testing {

/// A province, ward H32.1 with its centre H32.1.01, and ward H32.2.
inline constexpr const char* kTwoWardAgencies = R"({"agencies": [
  {"code": "H32", "name_vi": "Tỉnh", "kind": "province", "parent": null, "valid_from": "2025-07-01"},
  {"code": "H32.1", "name_vi": "Phường Một", "kind": "commune", "parent": "H32", "valid_from": "2025-07-01"},
  {"code": "H32.1.01", "name_vi": "Trung tâm phường Một", "kind": "commune_service_centre", "parent": "H32.1", "valid_from": "2025-07-01"},
  {"code": "H32.2", "name_vi": "Phường Hai", "kind": "commune", "parent": "H32", "valid_from": "2025-07-01"}
]})";

/// Officer `id` (login "officer<id>") holding `role` at `agency`.
inline domain::Actor TestOfficer(std::int64_t id, domain::Role role, const char* agency) {
    domain::Actor actor;
    actor.account_id = id;
    actor.kind = domain::AccountKind::kOfficer;
    actor.login = "officer" + std::to_string(id);
    actor.grants = {{role, agency}};
    return actor;
}

/// Citizen `id`, Nguyễn Văn An, signed in as `login`.
inline domain::Actor TestCitizen(std::int64_t id, std::string login) {
    domain::Actor actor;
    actor.account_id = id;
    actor.login = std::move(login);
    actor.name = "Nguyễn Văn An";
    actor.grants = {{domain::Role::kCitizen, ""}};
    return actor;
}

}  // namespace motcua::testing
