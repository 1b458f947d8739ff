#include "domain/calendar/local_date_time.hpp"

#include <gtest/gtest.h>

namespace motcua::domain::calendar {
namespace {

using std::chrono::minutes;
using std::chrono::sys_days;

TEST(LocalDateTime, ConvertsToAndFromUtcAtPlusSeven) {
    const auto local = ParseLocalDateTime("2025-01-01T00:30");
    ASSERT_TRUE(local.HasValue());
    const Instant instant = ToInstant(local.Value());
    const sys_days utc_day{std::chrono::year{2024} / 12 / 31};
    EXPECT_EQ(instant, Instant{utc_day + std::chrono::hours{17} + minutes{30}});
    EXPECT_EQ(ToLocalDateTime(instant), local.Value());
    EXPECT_EQ(ToLocalDateTime(instant + std::chrono::seconds{59}), local.Value());
}

TEST(LocalDateTime, FormatsWhatItParses) {
    for (const char* text : {"2025-02-07T17:00", "2028-02-29T07:30", "1999-12-31T23:59"}) {
        const auto parsed = ParseLocalDateTime(text);
        ASSERT_TRUE(parsed.HasValue()) << text;
        EXPECT_EQ(FormatLocalDateTime(parsed.Value()), text);
    }
    EXPECT_EQ(FormatIsoDate(sys_days{std::chrono::year{2026} / 8 / 22}), "2026-08-22");
}

TEST(LocalDateTime, RejectsMalformedAndImpossibleValues) {
    EXPECT_FALSE(ParseLocalDateTime("2025-02-30T10:00").HasValue());
    EXPECT_FALSE(ParseLocalDateTime("2025-02-07 17:00").HasValue());
    EXPECT_FALSE(ParseLocalDateTime("2025-02-07T24:00").HasValue());
    EXPECT_FALSE(ParseIsoDate("2025-2-07").HasValue());
    EXPECT_FALSE(ParseTimeOfDay("9:00").HasValue());
    EXPECT_FALSE(ParseTimeOfDay("09:60").HasValue());
    const auto parsed = ParseTimeOfDay("15:00");
    ASSERT_TRUE(parsed.HasValue());
    EXPECT_EQ(parsed.Value(), minutes{900});
}

TEST(LocalDateTime, OrdersByDateThenTime) {
    const sys_days day{std::chrono::year{2025} / 3 / 3};
    EXPECT_LT((LocalDateTime{day, minutes{600}}), (LocalDateTime{day, minutes{601}}));
    EXPECT_LT((LocalDateTime{day, minutes{1439}}),
              (LocalDateTime{day + std::chrono::days{1}, minutes{0}}));
}

}  // namespace
}  // namespace motcua::domain::calendar
