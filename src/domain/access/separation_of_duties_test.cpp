#include "domain/access/separation_of_duties.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

const RoleGrant kWardAdmin{Role::kAgencyAdmin, "H32.22333"};
const RoleGrant kWardHead{Role::kHead, "H32.22333"};
const RoleGrant kWardClerk{Role::kClerk, "H32.22333"};
const RoleGrant kProvinceAdmin{Role::kProvinceAdmin, "H32"};
const RoleGrant kAuditor{Role::kAuditor, "H32"};

TEST(SeparationOfDuties, NoAdministratorManagesAnAccountOfEqualOrHigherRights) {
    EXPECT_TRUE(MayManage({kWardAdmin}, {kWardClerk}));
    EXPECT_TRUE(MayManage({kWardAdmin}, {{Role::kCitizen, ""}}));
    EXPECT_FALSE(MayManage({kWardAdmin}, {kWardHead}));  // The ward head outweighs its admin.
    EXPECT_FALSE(MayManage({kWardAdmin}, {kWardClerk, kWardHead}));
    EXPECT_FALSE(MayManage({kWardAdmin}, {kWardAdmin}));
    EXPECT_TRUE(MayManage({kProvinceAdmin}, {kWardHead, kWardAdmin}));
    EXPECT_FALSE(MayManage({kProvinceAdmin}, {kProvinceAdmin}));  // Only the console.
    EXPECT_FALSE(MayManage({kProvinceAdmin}, {kAuditor}));
    EXPECT_EQ(RightsRank({}), 0);
    EXPECT_EQ(RightsRank({kWardClerk, kProvinceAdmin}), 3);
}

TEST(SeparationOfDuties, TheAuditorIsNeverAlsoAnAdministrator) {
    EXPECT_EQ(IncompatibleRole({kAuditor, kProvinceAdmin}), Role::kAuditor);
    EXPECT_EQ(IncompatibleRole({kWardAdmin, kAuditor}), Role::kAuditor);
    EXPECT_FALSE(IncompatibleRole({kAuditor}));
    EXPECT_FALSE(IncompatibleRole({kAuditor, kWardClerk}));
    EXPECT_FALSE(IncompatibleRole({kProvinceAdmin, kWardAdmin}));
}

}  // namespace
}  // namespace motcua::domain
