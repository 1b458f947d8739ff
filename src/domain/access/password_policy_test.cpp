#include "domain/access/password_policy.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

TEST(PasswordPolicy, AcceptsMixedOrLongPasswords) {
    EXPECT_TRUE(CheckPasswordPolicy("Khanh-Hoa-2026", "clerk").HasValue());
    EXPECT_TRUE(CheckPasswordPolicy("mật khẩu rất dài và dễ nhớ", "clerk").HasValue());
}

TEST(PasswordPolicy, RejectsShortUniformAndLoginBasedPasswords) {
    EXPECT_EQ(CheckPasswordPolicy("Ab1!", "x").GetError().code, "weak_password");
    EXPECT_FALSE(CheckPasswordPolicy("aaaaaaaaaaaaaaaaaaaa", "x").HasValue());
    EXPECT_FALSE(CheckPasswordPolicy("Xy1-079203001234", "079203001234").HasValue());
    EXPECT_FALSE(CheckPasswordPolicy("abcdefghij", "x").HasValue());  // One class only.
    EXPECT_FALSE(CheckPasswordPolicy(std::string(129, 'a') + "B1", "x").HasValue());
}

}  // namespace
}  // namespace motcua::domain
