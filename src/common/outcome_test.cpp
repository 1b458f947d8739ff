#include "common/outcome.hpp"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace motcua {
namespace {

Outcome<int> Parse(const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "number", text);
    }
    return std::stoi(text);
}

// Adds two parsed numbers, with one macro use per number (two uses in one scope).
Outcome<int> Sum(const std::string& a, const std::string& b, int* steps) {
    MOTCUA_ASSIGN_OR_RETURN(const int first, Parse(a));
    ++*steps;
    MOTCUA_ASSIGN_OR_RETURN(auto second, Parse(b));
    ++*steps;
    return first + second;
}

TEST(AssignOrReturn, AssignsTheValueWhenTheOutcomeSucceeded) {
    int steps = 0;
    const auto sum = Sum("40", "2", &steps);
    ASSERT_TRUE(sum.HasValue());
    EXPECT_EQ(sum.Value(), 42);
    EXPECT_EQ(steps, 2);
}

TEST(AssignOrReturn, ReturnsTheFirstErrorAndRunsNothingAfterIt) {
    int steps = 0;
    const auto first_bad = Sum("x", "2", &steps);
    ASSERT_FALSE(first_bad.HasValue());
    EXPECT_EQ(first_bad.GetError().detail, "x");
    EXPECT_EQ(steps, 0);
    const auto second_bad = Sum("1", "y", &steps);
    ASSERT_FALSE(second_bad.HasValue());
    EXPECT_EQ(second_bad.GetError().code, "invalid_parameter");
    EXPECT_EQ(second_bad.GetError().detail, "y");
    EXPECT_EQ(steps, 1);
}

TEST(AssignOrReturn, MovesTheValueAndAssignsAnExistingVariable) {
    const auto make = [](bool ok) -> Outcome<std::unique_ptr<std::string>> {
        if (!ok) {
            return MakeError(ErrorKind::kNotFound, "not_found");
        }
        return std::make_unique<std::string>("moved");
    };
    const auto use = [&](bool ok) -> Outcome<std::string> {
        std::unique_ptr<std::string> held;  // Move-only: the value is moved out, not copied.
        MOTCUA_ASSIGN_OR_RETURN(held, make(ok));
        return *held;
    };
    EXPECT_EQ(use(true).Value(), "moved");
    EXPECT_EQ(use(false).GetError().kind, ErrorKind::kNotFound);
}

TEST(AssignOrReturn, WorksInsideALambdaWithinAnotherUse) {
    const auto outer = [](const std::vector<std::string>& texts) -> Outcome<int> {
        MOTCUA_ASSIGN_OR_RETURN(auto total, ([&]() -> Outcome<int> {
                                    int sum = 0;
                                    for (const auto& text : texts) {
                                        MOTCUA_ASSIGN_OR_RETURN(const int number, Parse(text));
                                        sum += number;
                                    }
                                    return sum;
                                }()));
        return total * 2;
    };
    EXPECT_EQ(outer({"1", "2", "3"}).Value(), 12);
    EXPECT_EQ(outer({"1", "z"}).GetError().detail, "z");
}

}  // namespace
}  // namespace motcua
