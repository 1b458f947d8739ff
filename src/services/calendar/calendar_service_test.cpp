#include "services/calendar/calendar_service.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_sqlite_database.hpp"

namespace motcua::services {
namespace {

using domain::TimeUnit;
using domain::calendar::DayOverride;
using std::chrono::sys_days;

Instant At(std::string_view rfc3339) {
    const auto instant = ParseRfc3339(rfc3339);
    EXPECT_TRUE(instant.has_value()) << rfc3339;
    return instant.value_or(Instant{});
}

sys_days Date(std::string_view iso) { return domain::calendar::ParseIsoDate(iso).Value(); }

domain::Actor Officer(std::int64_t id, std::string login, domain::Role role, std::string agency) {
    domain::Actor actor;
    actor.account_id = id;
    actor.kind = domain::AccountKind::kOfficer;
    actor.login = std::move(login);
    actor.grants = {{role, std::move(agency)}};
    actor.remote_address = "127.0.0.1";
    return actor;
}

DayOverride Override(std::string_view date, bool working, std::string reason_vi) {
    return DayOverride{Date(date), working, std::move(reason_vi), "Recorded in a test", "[TEST]"};
}

// The status of `date` as GetYear lists it, or nullopt when it follows the default week.
std::optional<bool> ListedStatus(CalendarService& service, std::string_view date) {
    const auto day = Date(date);
    const int year = static_cast<int>(std::chrono::year_month_day{day}.year());
    auto days = service.GetYear(year);
    EXPECT_TRUE(days.HasValue());
    for (const auto& listed : days.Value()) {
        if (listed.date == day) {
            return listed.working;
        }
    }
    return std::nullopt;
}

class CalendarServiceTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(service_.Load().HasValue()); }

    // Due answer as Vietnamese local RFC 3339 text: {start_of_counting, due_at}.
    std::pair<std::string, std::string> Due(CalendarService& service, std::string_view start,
                                            int amount, TimeUnit unit,
                                            std::optional<std::chrono::minutes> cutoff = {}) {
        auto due = service.ComputeDue(At(start), amount, unit, cutoff);
        EXPECT_TRUE(due.HasValue()) << (due ? "" : due.GetError().param);
        if (!due) {
            return {};
        }
        return {FormatVietnam(due.Value().start_of_counting), FormatVietnam(due.Value().due_at)};
    }
    std::string DueAt(std::string_view start, int amount, TimeUnit unit) {
        return Due(service_, start, amount, unit).second;
    }
    std::vector<domain::AuditRecord> Audit(const std::string& action) {
        std::vector<domain::AuditRecord> records;
        EXPECT_TRUE(database_.Get()
                        .Read([&](storage::Transaction& transaction) -> Outcome<Done> {
                            storage::AuditFilter filter;
                            filter.action_prefix = action;
                            auto found = transaction.Audit().Query(filter);
                            records = found.Value();
                            return Done{};
                        })
                        .HasValue());
        return records;
    }

    testing::TempSqliteDatabase database_;
    testing::FakeClock clock_{At("2026-03-02T01:00:00Z")};
    CalendarService service_{database_.Get(), clock_};
    const domain::Actor admin_ = Officer(9, "quantri.tinh", domain::Role::kProvinceAdmin, "H32");
    const domain::Actor clerk_ = Officer(3, "tiepnhan.bnt", domain::Role::kClerk, "H32.22333");
};

TEST_F(CalendarServiceTest, YearListsThePublishedSwapsOf2025And2026) {
    EXPECT_EQ(ListedStatus(service_, "2025-04-26"), true);   // Make-up Saturday.
    EXPECT_EQ(ListedStatus(service_, "2025-05-02"), false);  // Swapped Friday off.
    EXPECT_EQ(ListedStatus(service_, "2025-01-29"), false);  // Tết.
    EXPECT_EQ(ListedStatus(service_, "2026-08-22"), true);
    EXPECT_EQ(ListedStatus(service_, "2026-08-31"), false);
    EXPECT_EQ(ListedStatus(service_, "2026-09-01"), false);
    EXPECT_EQ(ListedStatus(service_, "2026-09-03"), std::nullopt);  // Default cancelled: working.
    EXPECT_EQ(ListedStatus(service_, "2026-01-07"), std::nullopt);  // An ordinary Wednesday.
    auto days = service_.GetYear(2025);
    ASSERT_TRUE(days.HasValue());
    for (const auto& day : days.Value()) {
        EXPECT_FALSE(day.reason_vi.empty());
        EXPECT_FALSE(day.source.empty());
    }
}

TEST_F(CalendarServiceTest, YearOutsideTheSupportedRangeIsInvalid) {
    for (const int year : {1969, 2101, 0, -5}) {
        auto days = service_.GetYear(year);
        ASSERT_FALSE(days.HasValue()) << year;
        EXPECT_EQ(days.GetError().param, "year");
    }
    EXPECT_TRUE(service_.GetYear(1970).HasValue());
    EXPECT_TRUE(service_.GetYear(2100).HasValue());
}

TEST_F(CalendarServiceTest, WorkingDaysSkipTet2025) {
    // Friday 24/01/2025: the start day does not count; 27/01–31/01 are Tết, then a weekend.
    EXPECT_EQ(Due(service_, "2025-01-24T09:00:00+07:00", 3, TimeUnit::kWorkingDays),
              std::make_pair(std::string("2025-01-24T09:00:00+07:00"),
                             std::string("2025-02-05T17:00:00+07:00")));
    EXPECT_EQ(DueAt("2025-01-24T09:00:00+07:00", 0, TimeUnit::kWorkingDays),
              "2025-01-24T17:00:00+07:00");
}

TEST_F(CalendarServiceTest, WorkingDaysFollowTheNationalDay2026Swap) {
    // 29/08–02/09/2026 off (31/08 swapped with Saturday 22/08), 03/09 a working day.
    EXPECT_EQ(DueAt("2026-08-28T10:00:00+07:00", 2, TimeUnit::kWorkingDays),
              "2026-09-04T17:00:00+07:00");
    EXPECT_EQ(DueAt("2026-08-21T10:00:00+07:00", 1, TimeUnit::kWorkingDays),
              "2026-08-22T17:00:00+07:00");
}

TEST_F(CalendarServiceTest, WorkingHoursAndCalendarDays) {
    // One hour on Friday afternoon, the next one on Monday 03/02 after Tết.
    EXPECT_EQ(DueAt("2025-01-24T16:00:00+07:00", 2, TimeUnit::kWorkingHours),
              "2025-02-03T08:30:00+07:00");
    // Seven calendar days from 20/01/2025 land on 27/01 (Tết): the next working day's close.
    EXPECT_EQ(DueAt("2025-01-20T09:00:00+07:00", 7, TimeUnit::kCalendarDays),
              "2025-02-03T17:00:00+07:00");
    // A receipt in UTC counts in Vietnamese time: 2025-01-24T02:00Z is 09:00 local.
    EXPECT_EQ(DueAt("2025-01-24T02:00:00Z", 3, TimeUnit::kWorkingDays),
              "2025-02-05T17:00:00+07:00");
}

TEST_F(CalendarServiceTest, CutoffAndOutOfHoursReceiptsStartTheNextWorkingDay) {
    EXPECT_EQ(Due(service_, "2025-02-03T15:30:00+07:00", 0, TimeUnit::kWorkingDays,
                  std::chrono::minutes{15 * 60}),
              std::make_pair(std::string("2025-02-04T07:30:00+07:00"),
                             std::string("2025-02-04T17:00:00+07:00")));
    // Received on Saturday 25/01/2025 (Tết week): counting starts Monday 03/02 at 07:30.
    EXPECT_EQ(Due(service_, "2025-01-25T10:00:00+07:00", 1, TimeUnit::kWorkingDays).first,
              "2025-02-03T07:30:00+07:00");
}

TEST_F(CalendarServiceTest, BadDueParametersAreNamed) {
    const auto param = [&](Instant start, int amount, std::optional<std::chrono::minutes> cutoff) {
        auto due = service_.ComputeDue(start, amount, TimeUnit::kWorkingDays, cutoff);
        return due ? std::string("ok") : due.GetError().param;
    };
    const Instant start = At("2026-03-02T08:00:00+07:00");
    EXPECT_EQ(param(start, -1, {}), "amount");
    EXPECT_EQ(param(start, kMaxDueAmount + 1, {}), "amount");
    EXPECT_EQ(param(start, kMaxDueAmount, {}), "ok");
    // Before 1970 no text parses (ParseRfc3339 refuses it), so the instant is built directly.
    EXPECT_EQ(param(Instant{std::chrono::sys_days{std::chrono::year{1969} / 12 / 31}}, 1, {}),
              "start");
    EXPECT_EQ(param(At("2101-01-01T08:00:00+07:00"), 1, {}), "start");
    EXPECT_EQ(param(start, 1, std::chrono::minutes{24 * 60}), "cutoff");
    // The longest count from the last supported year stays within the built table.
    EXPECT_EQ(param(At("2100-12-31T08:00:00+07:00"), kMaxDueAmount, {}), "ok");
}

TEST_F(CalendarServiceTest, RecordedOverrideChangesDueAnswersImmediatelyAndIsAudited) {
    ASSERT_EQ(DueAt("2025-01-24T09:00:00+07:00", 3, TimeUnit::kWorkingDays),
              "2025-02-05T17:00:00+07:00");
    auto recorded = service_.RecordOverride(admin_, Override("2025-02-05", false, "Nghỉ bão"));
    ASSERT_TRUE(recorded.HasValue()) << recorded.GetError().code;
    EXPECT_EQ(recorded.Value().origin, OverrideOrigin::kRecorded);
    EXPECT_EQ(recorded.Value().recorded_by, "quantri.tinh");
    EXPECT_EQ(recorded.Value().recorded_at, FormatUtc(clock_.Now()));
    // No clock tick needed: the service rebuilt its calendar after the write.
    EXPECT_EQ(DueAt("2025-01-24T09:00:00+07:00", 3, TimeUnit::kWorkingDays),
              "2025-02-06T17:00:00+07:00");
    EXPECT_EQ(ListedStatus(service_, "2025-02-05"), false);
    EXPECT_FALSE(service_.GetCalendar()->IsWorkingDay(Date("2025-02-05")));

    const auto audit = Audit("calendar.record_override");
    ASSERT_EQ(audit.size(), 1U);
    EXPECT_EQ(audit[0].outcome, "ok");
    EXPECT_EQ(audit[0].target_kind, "calendar_day");
    EXPECT_EQ(audit[0].target_id, "2025-02-05");
    EXPECT_EQ(audit[0].actor_login, "quantri.tinh");
    EXPECT_NE(audit[0].detail.find("\"previous\":null"), std::string::npos) << audit[0].detail;

    ASSERT_TRUE(service_.DeleteOverride(admin_, Date("2025-02-05")).HasValue());
    EXPECT_EQ(DueAt("2025-01-24T09:00:00+07:00", 3, TimeUnit::kWorkingDays),
              "2025-02-05T17:00:00+07:00");
    EXPECT_EQ(Audit("calendar.delete_override").size(), 1U);
}

TEST_F(CalendarServiceTest, RecordedOverrideWinsOverThePublishedOneUntilDeleted) {
    // An administrator cancels the 2025 swap: Friday 02/05 becomes an ordinary working day.
    ASSERT_TRUE(
        service_.RecordOverride(admin_, Override("2025-05-02", true, "Làm việc")).HasValue());
    EXPECT_EQ(ListedStatus(service_, "2025-05-02"), std::nullopt);
    auto listed = service_.ListOverrides(2025);
    ASSERT_TRUE(listed.HasValue());
    int recorded = 0;
    for (const auto& effective : listed.Value()) {
        EXPECT_EQ(std::chrono::year_month_day{effective.day.date}.year(), std::chrono::year{2025});
        if (effective.day.date == Date("2025-05-02")) {
            EXPECT_EQ(effective.origin, OverrideOrigin::kRecorded);
            EXPECT_TRUE(effective.day.working);
            ++recorded;
        } else {
            EXPECT_EQ(effective.origin, OverrideOrigin::kPublished);
            EXPECT_TRUE(effective.recorded_by.empty());
        }
    }
    EXPECT_EQ(recorded, 1);
    const auto detail = Audit("calendar.record_override").at(0).detail;
    EXPECT_NE(detail.find("\"previous\":null"), std::string::npos) << detail;  // Not stored.

    ASSERT_TRUE(service_.DeleteOverride(admin_, Date("2025-05-02")).HasValue());
    EXPECT_EQ(ListedStatus(service_, "2025-05-02"), false);  // The published swap again.
    auto deleted_again = service_.DeleteOverride(admin_, Date("2025-05-02"));
    ASSERT_FALSE(deleted_again.HasValue());
    EXPECT_EQ(deleted_again.GetError().kind, ErrorKind::kNotFound);
    EXPECT_EQ(deleted_again.GetError().code, "calendar_override_not_found");
}

TEST_F(CalendarServiceTest, ReplacingAnOverrideAuditsThePreviousDecision) {
    ASSERT_TRUE(service_.RecordOverride(admin_, Override("2026-04-30", false, "A")).HasValue());
    clock_.Advance(std::chrono::minutes(5));
    auto replaced = service_.RecordOverride(admin_, Override("2026-04-30", true, "B"));
    ASSERT_TRUE(replaced.HasValue());
    auto listed = service_.ListOverrides(2026);
    ASSERT_TRUE(listed.HasValue());
    const auto found =
        std::find_if(listed.Value().begin(), listed.Value().end(),
                     [&](const auto& e) { return e.day.date == Date("2026-04-30"); });
    ASSERT_NE(found, listed.Value().end());
    EXPECT_EQ(found->day.reason_vi, "B");
    EXPECT_EQ(found->recorded_at, FormatUtc(clock_.Now()));
    const auto audit = Audit("calendar.record_override");
    ASSERT_EQ(audit.size(), 2U);
    EXPECT_NE(audit[0].detail.find("\"reason_vi\":\"A\""), std::string::npos) << audit[0].detail;
}

TEST_F(CalendarServiceTest, OnlyTheProvinceAdministratorRecordsAndRefusalsAreAudited) {
    const auto anonymous = domain::Actor::Anonymous("198.51.100.7");
    auto by_anonymous = service_.RecordOverride(anonymous, Override("2026-05-04", false, "X"));
    ASSERT_FALSE(by_anonymous.HasValue());
    EXPECT_EQ(by_anonymous.GetError().kind, ErrorKind::kUnauthenticated);
    auto by_clerk = service_.RecordOverride(clerk_, Override("2026-05-04", false, "X"));
    ASSERT_FALSE(by_clerk.HasValue());
    EXPECT_EQ(by_clerk.GetError().kind, ErrorKind::kForbidden);
    auto delete_by_clerk = service_.DeleteOverride(clerk_, Date("2026-05-04"));
    ASSERT_FALSE(delete_by_clerk.HasValue());
    EXPECT_EQ(delete_by_clerk.GetError().kind, ErrorKind::kForbidden);
    EXPECT_EQ(ListedStatus(service_, "2026-05-04"), std::nullopt);  // Nothing was recorded.
    const auto denied = Audit("calendar.");
    ASSERT_EQ(denied.size(), 3U);
    for (const auto& record : denied) {
        EXPECT_EQ(record.outcome, "denied");
    }
    const auto system = domain::Actor::System("console");
    auto by_system = service_.RecordOverride(system, Override("2026-05-04", false, "X"));
    ASSERT_TRUE(by_system.HasValue());
    EXPECT_EQ(by_system.Value().recorded_by, "system:console");
}

TEST_F(CalendarServiceTest, InvalidOverridesAreRejectedNamingTheField) {
    const auto param = [&](DayOverride day) {
        auto recorded = service_.RecordOverride(admin_, std::move(day));
        return recorded ? std::string("ok") : recorded.GetError().param;
    };
    EXPECT_EQ(param(Override("2026-05-04", false, "")), "reason_vi");
    EXPECT_EQ(param(Override("2026-05-04", false, std::string(501, 'a'))), "reason_vi");
    // 500 Vietnamese letters are 500 characters, not 1000 bytes.
    std::string long_vi;
    for (int i = 0; i < 500; ++i) {
        long_vi += "ệ";
    }
    EXPECT_EQ(param(Override("2026-05-04", false, long_vi)), "ok");
    EXPECT_EQ(param(Override("2026-05-04", false, "line\nbreak")), "reason_vi");
    DayOverride bad_source = Override("2026-05-04", false, "X");
    bad_source.source = std::string(201, 's');
    EXPECT_EQ(param(bad_source), "source");
    EXPECT_EQ(param(Override("2101-01-03", false, "X")), "date");
    EXPECT_EQ(param(Override("1969-12-31", false, "X")), "date");
    auto listed = service_.ListOverrides(2101);
    ASSERT_FALSE(listed.HasValue());
    EXPECT_EQ(listed.GetError().param, "year");
}

TEST_F(CalendarServiceTest, AnotherProcessSeesTheChangeAfterTheRefreshInterval) {
    CalendarService other{database_.Get(), clock_};
    ASSERT_TRUE(other.Load().HasValue());
    const auto before = other.GetCalendar();
    ASSERT_TRUE(service_.RecordOverride(admin_, Override("2026-05-04", false, "X")).HasValue());
    EXPECT_TRUE(other.GetCalendar()->IsWorkingDay(Date("2026-05-04")));  // Not checked yet.
    clock_.Advance(std::chrono::milliseconds(1001));
    EXPECT_FALSE(other.GetCalendar()->IsWorkingDay(Date("2026-05-04")));
    // A calendar already handed out stays valid and unchanged.
    EXPECT_TRUE(before->IsWorkingDay(Date("2026-05-04")));
}

TEST_F(CalendarServiceTest, OverridesSurviveARestart) {
    ASSERT_TRUE(service_.RecordOverride(admin_, Override("2026-05-04", false, "X")).HasValue());
    database_.Reopen();
    CalendarService restarted{database_.Get(), clock_};
    ASSERT_TRUE(restarted.Load().HasValue());
    EXPECT_EQ(ListedStatus(restarted, "2026-05-04"), false);
    auto all = restarted.ListOverrides(std::nullopt);
    ASSERT_TRUE(all.HasValue());
    EXPECT_GT(all.Value().size(), 20U);  // The published 2025/2026 decisions and this one.
}

TEST_F(CalendarServiceTest, ConfiguredOfficeHoursAreUsed) {
    auto hours = ParseOfficeHours("07:00-11:30,13:30-17:00");
    ASSERT_TRUE(hours.HasValue());
    CalendarService custom{database_.Get(), clock_, {.office_hours = hours.Value()}};
    ASSERT_TRUE(custom.Load().HasValue());
    EXPECT_EQ(custom.GetOfficeHours().Opening(), std::chrono::minutes{7 * 60});
    // Received during lunch: counting starts at 13:30; 3.5 h that afternoon,
    // the last half hour on the next morning.
    EXPECT_EQ(Due(custom, "2026-03-02T12:00:00+07:00", 4, TimeUnit::kWorkingHours),
              std::make_pair(std::string("2026-03-02T13:30:00+07:00"),
                             std::string("2026-03-03T07:30:00+07:00")));
    for (const char* bad : {"", "07:30", "07:30-11:30,", "11:30-07:30", "07:30-11:30,11:00-17:00",
                            "7:30-11:30", "07:30-24:00"}) {
        auto parsed = ParseOfficeHours(bad);
        ASSERT_FALSE(parsed.HasValue()) << bad;
        EXPECT_EQ(parsed.GetError().param, "office_hours") << bad;
    }
}

TEST_F(CalendarServiceTest, ServesTheBuiltInCalendarWhileTheDatabaseFails) {
    CalendarService never_loaded{database_.Get(), clock_};
    // A storage fault: the calendar tables are gone.
    ASSERT_TRUE(database_.Get()
                    .RunWrite([](storage::sqlite::SqliteConnection& connection) -> Outcome<Done> {
                        connection.Exec(
                            "DROP TABLE calendar_overrides; DROP TABLE calendar_revision");
                        return Done{};
                    })
                    .HasValue());
    EXPECT_FALSE(never_loaded.Load().HasValue());
    // The dossier service still gets a calendar: the built-in decisions.
    EXPECT_TRUE(never_loaded.GetCalendar()->IsWorkingDay(Date("2026-08-22")));
    EXPECT_FALSE(never_loaded.GetCalendar()->IsWorkingDay(Date("2026-08-31")));
    // A write fails cleanly and changes nothing.
    auto recorded = never_loaded.RecordOverride(admin_, Override("2026-05-04", false, "X"));
    ASSERT_FALSE(recorded.HasValue());
    EXPECT_EQ(recorded.GetError().kind, ErrorKind::kUnavailable);
    EXPECT_TRUE(never_loaded.GetCalendar()->IsWorkingDay(Date("2026-05-04")));
}

}  // namespace
}  // namespace motcua::services
