#include "common/time_format.hpp"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(TimeFormat, FormatsUtcAndVietnamTime) {
    const auto instant = *ParseRfc3339("2026-03-02T08:00:00+07:00");
    EXPECT_EQ(FormatUtc(instant), "2026-03-02T01:00:00.000000Z");
    EXPECT_EQ(FormatVietnam(instant), "2026-03-02T08:00:00+07:00");
}

TEST(TimeFormat, StoredInstantsReadInVietnamAndOtherTextStaysAsItIs) {
    EXPECT_EQ(StoredInVietnam("2026-11-26T03:04:05.000123Z"), "2026-11-26T10:04:05+07:00");
    EXPECT_EQ(StoredInVietnam("2026-11-26T10:04:05+07:00"), "2026-11-26T10:04:05+07:00");
    EXPECT_EQ(StoredInVietnam("26/11/2026"), "26/11/2026");
    EXPECT_EQ(StoredInVietnam(""), "");
}

TEST(TimeFormat, VietnamDateChangesAtSeventeenUtc) {
    const auto instant = *ParseRfc3339("2025-12-31T17:30:00Z");
    EXPECT_EQ(FormatVietnam(instant), "2026-01-01T00:30:00+07:00");
}

TEST(TimeFormat, ParsesFractionsAndRejectsMalformedText) {
    EXPECT_EQ(FormatUtc(*ParseRfc3339("2026-11-26T03:04:05.123456Z")),
              "2026-11-26T03:04:05.123456Z");
    EXPECT_FALSE(ParseRfc3339("2026-11-26"));
    EXPECT_FALSE(ParseRfc3339("2026-02-30T00:00:00Z"));
    EXPECT_FALSE(ParseRfc3339("2026-11-26T25:00:00Z"));
    EXPECT_FALSE(ParseRfc3339("2026-11-26T10:00:00"));
    EXPECT_FALSE(ParseRfc3339("2026-11-26T10:00:00+07:00x"));
    EXPECT_FALSE(ParseRfc3339("9999-12-31T23:00:00-05:00"));  // Year 10000 in UTC.
    EXPECT_FALSE(ParseRfc3339("1969-12-31T23:59:59Z"));
}

}  // namespace
}  // namespace motcua
