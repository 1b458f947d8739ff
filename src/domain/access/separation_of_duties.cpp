#include "domain/access/separation_of_duties.hpp"

#include <algorithm>

namespace motcua::domain {
namespace {

int RankOf(Role role) {
    switch (role) {
        case Role::kCitizen:
        case Role::kOrganisation:
            return 0;
        case Role::kClerk:
        case Role::kSpecialist:
        case Role::kCashier:
        case Role::kFeedbackOfficer:
            return 1;
        case Role::kHead:
        case Role::kAgencyAdmin:
            return 2;
        case Role::kProvinceAdmin:
            return 3;
        case Role::kAuditor:
            return 4;
    }
    return 4;  // An unknown role weighs the most: nobody but the console manages it.
}

bool Holds(const std::vector<RoleGrant>& grants, Role role) {
    return std::any_of(grants.begin(), grants.end(),
                       [role](const RoleGrant& grant) { return grant.role == role; });
}

}  // namespace

int RightsRank(const std::vector<RoleGrant>& grants) {
    int rank = 0;
    for (const auto& grant : grants) {
        rank = std::max(rank, RankOf(grant.role));
    }
    return rank;
}

bool MayManage(const std::vector<RoleGrant>& manager, const std::vector<RoleGrant>& managed) {
    return RightsRank(managed) < RightsRank(manager);
}

std::optional<Role> IncompatibleRole(const std::vector<RoleGrant>& grants) {
    if (Holds(grants, Role::kAuditor) &&
        (Holds(grants, Role::kAgencyAdmin) || Holds(grants, Role::kProvinceAdmin))) {
        return Role::kAuditor;
    }
    return std::nullopt;
}

}  // namespace motcua::domain
