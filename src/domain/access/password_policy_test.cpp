#include "domain/access/password_policy.hpp"

#include <string>

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

std::string Refusal(std::string_view password, const PasswordSubject& subject = {"clerk"}) {
    const auto checked = CheckPasswordPolicy(password, subject);
    return checked ? std::string{} : checked.GetError().detail;
}

TEST(PasswordPolicy, AcceptsMixedOrLongPasswords) {
    EXPECT_EQ(Refusal("Khanh-Hoa-2026"), "");
    EXPECT_EQ(Refusal("mật khẩu rất dài và dễ nhớ"), "");
    EXPECT_EQ(Refusal("Mc-9Xk3_aB7qLz0pW2rT5vY8"), "");  // A generated password's form.
}

TEST(PasswordPolicy, RejectsShortUniformAndLoginBasedPasswords) {
    EXPECT_EQ(CheckPasswordPolicy("Ab1!", {"x"}).GetError().code, "weak_password");
    EXPECT_FALSE(CheckPasswordPolicy("aaaaaaaaaaaaaaaaaaaa", {"x"}).HasValue());
    EXPECT_FALSE(CheckPasswordPolicy("Xy1-079203001234", {"079203001234"}).HasValue());
    EXPECT_FALSE(CheckPasswordPolicy("abcdefghij", {"x"}).HasValue());  // One class only.
    EXPECT_FALSE(CheckPasswordPolicy(std::string(129, 'a') + "B1", {"x"}).HasValue());
}

TEST(PasswordPolicy, RefusesCommonPasswordsAlsoWithDigitsAndSymbolsAfterThem) {
    // resources/security/: Openwall's list and the Vietnamese one, compared without case.
    EXPECT_TRUE(IsCommonPassword("password1"));
    EXPECT_TRUE(IsCommonPassword("Qwertyuiop"));
    EXPECT_TRUE(IsCommonPassword("Dragon@2026"));
    EXPECT_TRUE(IsCommonPassword("AnhYeuEm#123"));
    EXPECT_TRUE(IsCommonPassword("MatKhau@2026"));
    EXPECT_FALSE(IsCommonPassword("Khanh-Hoa-2026"));
    EXPECT_FALSE(IsCommonPassword("2026"));
    EXPECT_EQ(Refusal("Password123!"), "not a common password");
    EXPECT_EQ(Refusal("Iloveyou@2026"), "not a common password");
    EXPECT_EQ(Refusal("Anhyeuem@2026"), "not a common password");
    EXPECT_EQ(Refusal("Qwerty12345!"), "not a common password");
    EXPECT_EQ(Refusal("Hanoi@2024"), "not a common password");
}

TEST(PasswordPolicy, RefusesWhatTheStrengthEstimateGuessesQuickly) {
    // Three character classes, ten characters or more, on no list — yet guessable: l33t
    // spellings of the province's and the country's names with a year, the holder's own name.
    const std::string guessable =
        "too easy to guess: avoid names, words, dates, keyboard rows and sequences";
    EXPECT_EQ(Refusal("Kh@nhH0a2026"), guessable);
    EXPECT_EQ(Refusal("V1etn@m2026!"), guessable);
    EXPECT_EQ(Refusal("Tranhoang#99", {"hoa.tran", "Tran Hoang"}), guessable);
    EXPECT_EQ(Refusal("Tranhoang#99", {"clerk", "Le Thi Hoa"}), "");  // Someone else's name.
}

TEST(PasswordPolicy, TheDemoPasswordOnlyInDemoMode) {
    EXPECT_EQ(Refusal(kDemoPassword), "not the demo password published in the README");
    PasswordSubject demo{"clerk"};
    demo.demo_password_allowed = true;
    EXPECT_EQ(Refusal(kDemoPassword, demo), "");
}

TEST(PasswordPolicy, RefusesControlCharactersAndNul) {
    using namespace std::string_literals;
    for (const auto& password : {"Khanh-Hoa\n2026"s, "Khanh-Hoa\t2026"s, "Khanh-Hoa\0-2026"s,
                                 "Khanh-Hoa\x7f-2026"s, "Khanh-Hoa\r2026"s}) {
        EXPECT_EQ(Refusal(password), "no control characters (tab, new line, NUL…)") << password;
    }
}

}  // namespace
}  // namespace motcua::domain
