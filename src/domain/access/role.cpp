#include "domain/access/role.hpp"

#include "common/name_table.hpp"

namespace motcua::domain {
namespace {

constexpr NameTable<Role, 10> kRoleNames{{
    {Role::kCitizen, "citizen"},
    {Role::kOrganisation, "organisation"},
    {Role::kClerk, "clerk"},
    {Role::kSpecialist, "specialist"},
    {Role::kHead, "head"},
    {Role::kCashier, "cashier"},
    {Role::kFeedbackOfficer, "feedback_officer"},
    {Role::kAgencyAdmin, "agency_admin"},
    {Role::kProvinceAdmin, "province_admin"},
    {Role::kAuditor, "auditor"},
}};
constexpr NameTable<AccountKind, 3> kKindNames{{
    {AccountKind::kCitizen, "citizen"},
    {AccountKind::kOrganisation, "organisation"},
    {AccountKind::kOfficer, "officer"},
}};

}  // namespace

const char* RoleName(Role role) { return NameOf(kRoleNames, role); }
std::optional<Role> ParseRole(std::string_view name) { return ParseName(kRoleNames, name); }
const char* AccountKindName(AccountKind kind) { return NameOf(kKindNames, kind); }
std::optional<AccountKind> ParseAccountKind(std::string_view name) {
    return ParseName(kKindNames, name);
}

bool IsRoleAllowedFor(AccountKind kind, Role role) {
    switch (role) {
        case Role::kCitizen:
            return kind == AccountKind::kCitizen;
        case Role::kOrganisation:
            return kind == AccountKind::kOrganisation;
        case Role::kClerk:
        case Role::kSpecialist:
        case Role::kHead:
        case Role::kCashier:
        case Role::kFeedbackOfficer:
        case Role::kAgencyAdmin:
        case Role::kProvinceAdmin:
        case Role::kAuditor:
            return kind == AccountKind::kOfficer;
    }
    return false;
}

}  // namespace motcua::domain
