#include "api/json/account_json.hpp"

namespace motcua::api::json {

boost::json::object AccountToJson(const domain::Account& account) {
    boost::json::array roles;
    for (const auto& grant : account.grants) {
        roles.push_back(
            {{"role", domain::RoleName(grant.role)},
             {"agency", grant.agency_code.empty() ? boost::json::value(nullptr)
                                                  : boost::json::value(grant.agency_code)}});
    }
    return {{"id", account.id},
            {"kind", domain::AccountKindName(account.kind)},
            {"login", account.login},
            {"name", account.name},
            {"phone", account.phone},
            {"email", account.email},
            {"agency_code", account.agency_code.empty() ? boost::json::value(nullptr)
                                                        : boost::json::value(account.agency_code)},
            {"title", account.title},
            {"representative", account.representative},
            {"disabled", account.disabled},
            {"created_at", account.created_at},
            {"password_changed_at", account.password_changed_at},
            {"must_change_password", account.must_change_password},
            {"roles", std::move(roles)}};
}

boost::json::object AuditRecordToJson(const domain::AuditRecord& record) {
    boost::system::error_code error;
    auto detail = boost::json::parse(record.detail, error);
    return {{"seq", record.seq},
            {"at", record.at},
            {"actor_id", record.actor_id},
            {"actor_login", record.actor_login},
            {"action", record.action},
            {"target_kind", record.target_kind},
            {"target_id", record.target_id},
            {"remote_address", record.remote_address},
            {"outcome", record.outcome},
            {"detail", error ? boost::json::value(record.detail) : detail},
            {"hash", record.hash}};
}

}  // namespace motcua::api::json
