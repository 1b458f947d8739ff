// Role: what a person does in the system. Officers hold roles within an agency (the grant's
// scope: that agency and its subtree); citizens and organisation representatives act for
// themselves. The anonymous public holds no role.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain {

enum class Role {
    kCitizen,          // Công dân.
    kOrganisation,     // Người đại diện tổ chức, doanh nghiệp.
    kClerk,            // Công chức tiếp nhận và trả kết quả (one-stop desk).
    kSpecialist,       // Chuyên viên xử lý.
    kHead,             // Lãnh đạo: approves and signs.
    kCashier,          // Thu phí, lệ phí.
    kFeedbackOfficer,  // Cán bộ xử lý phản ánh, kiến nghị (PAKN).
    kAgencyAdmin,      // Quản trị cơ quan: accounts and data of an agency subtree.
    kProvinceAdmin,    // Quản trị hệ thống cấp tỉnh.
    kAuditor,          // Kiểm tra, giám sát: read-only, sees the audit log.
};

/// Every role, in declaration order (for tables and tests).
inline constexpr Role kAllRoles[] = {
    Role::kCitizen,       Role::kOrganisation, Role::kClerk,           Role::kSpecialist,
    Role::kHead,          Role::kCashier,      Role::kFeedbackOfficer, Role::kAgencyAdmin,
    Role::kProvinceAdmin, Role::kAuditor,
};

/// The kind of account, which decides how it logs in and which roles it may hold.
enum class AccountKind { kCitizen, kOrganisation, kOfficer };

/// A role held within an agency subtree (empty agency for citizens and organisations).
struct RoleGrant {
    Role role = Role::kCitizen;
    std::string agency_code;
    friend bool operator==(const RoleGrant&, const RoleGrant&) = default;
};

const char* RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
const char* AccountKindName(AccountKind kind);
std::optional<AccountKind> ParseAccountKind(std::string_view name);
/// Returns true when an account of `kind` may hold `role` (officer roles need an officer).
bool IsRoleAllowedFor(AccountKind kind, Role role);

}  // namespace motcua::domain
