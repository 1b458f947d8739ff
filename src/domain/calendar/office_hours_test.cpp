#include "domain/calendar/office_hours.hpp"

#include <gtest/gtest.h>

namespace motcua::domain::calendar {
namespace {

using std::chrono::minutes;

TEST(OfficeHours, DefaultIsEightHoursWithALunchBreak) {
    const OfficeHours hours = OfficeHours::Default();
    EXPECT_EQ(hours.Opening(), minutes{7 * 60 + 30});
    EXPECT_EQ(hours.Closing(), minutes{17 * 60});
    EXPECT_EQ(hours.MinutesPerDay(), minutes{8 * 60});
    ASSERT_EQ(hours.Periods().size(), 2u);
    EXPECT_EQ(hours.Periods()[0].end, minutes{11 * 60 + 30});
    EXPECT_EQ(hours.Periods()[1].start, minutes{13 * 60});
}

TEST(OfficeHours, AcceptsAConfiguredDay) {
    const auto hours = OfficeHours::Create(
        {{minutes{7 * 60}, minutes{11 * 60 + 30}}, {minutes{13 * 60 + 30}, minutes{17 * 60}}});
    ASSERT_TRUE(hours.HasValue());
    EXPECT_EQ(hours.Value().MinutesPerDay(), minutes{8 * 60});
}

TEST(OfficeHours, RejectsEmptyOverlappingAndReversedPeriods) {
    EXPECT_FALSE(OfficeHours::Create({}).HasValue());
    EXPECT_FALSE(OfficeHours::Create({{minutes{600}, minutes{500}}}).HasValue());
    EXPECT_FALSE(OfficeHours::Create({{minutes{450}, minutes{700}}, {minutes{690}, minutes{1000}}})
                     .HasValue());
    EXPECT_FALSE(OfficeHours::Create({{minutes{450}, minutes{24 * 60 + 1}}}).HasValue());
}

}  // namespace
}  // namespace motcua::domain::calendar
