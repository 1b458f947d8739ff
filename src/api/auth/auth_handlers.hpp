// Sign-in endpoints (docs/architecture.md §6): login, logout, the caller's account and password.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::auth {

/// The browser session cookie's name.
inline constexpr std::string_view kSessionCookie = "motcua_session";

/// POST /api/v1/auth/login {"login", "password", "session": "cookie"|"bearer"}
Response Login(ApiContext& context, const Request& request);
/// POST /api/v1/auth/logout
Response Logout(ApiContext& context, const Request& request);
/// GET /api/v1/me
Response GetMe(ApiContext& context, const Request& request);
/// POST /api/v1/me/password {"current_password", "new_password"}
Response ChangeMyPassword(ApiContext& context, const Request& request);

}  // namespace motcua::api::auth
