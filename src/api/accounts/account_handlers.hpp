// Account administration endpoints: list, create, read, disable/enable, reset password, grant
// and revoke roles. Authorization and auditing happen in services::AccountService.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::accounts {

/// GET /api/v1/accounts?kind=&agency=&login_prefix=&limit=&cursor=
Response ListAccounts(ApiContext& context, const Request& request);
/// POST /api/v1/accounts
Response CreateAccount(ApiContext& context, const Request& request);
/// GET /api/v1/accounts/{id}
Response GetAccount(ApiContext& context, const Request& request, const std::string& id);
/// POST /api/v1/accounts/{id}/disable and /enable
Response SetAccountDisabled(ApiContext& context, const Request& request, const std::string& id,
                            bool disabled);
/// POST /api/v1/accounts/{id}/password {"password"?}
Response ResetAccountPassword(ApiContext& context, const Request& request, const std::string& id);
/// POST /api/v1/accounts/{id}/roles {"role", "agency"} and DELETE ...?role=&agency=
Response GrantRole(ApiContext& context, const Request& request, const std::string& id);
Response RevokeRole(ApiContext& context, const Request& request, const std::string& id);

}  // namespace motcua::api::accounts
