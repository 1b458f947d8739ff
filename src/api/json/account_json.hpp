// The API's JSON shape of an account (never its password hash) and of an audit record.
#pragma once

#include <boost/json.hpp>

#include "domain/access/account.hpp"
#include "domain/audit/audit_chain.hpp"

namespace motcua::api::json {

boost::json::object AccountToJson(const domain::Account& account);
boost::json::object AuditRecordToJson(const domain::AuditRecord& record);

}  // namespace motcua::api::json
