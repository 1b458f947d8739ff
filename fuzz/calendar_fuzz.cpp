// Calendar inputs: the date and time parsers (common/time_format.hpp,
// domain/calendar/local_date_time.hpp, the catalogue's cut-off), each checked against its
// formatter, the lunar conversion of the dates they accept, and the due-time computation of
// GET /calendar/due with the checks its handler makes. Fields, one a line: start (RFC 3339),
// amount, unit, cut-off (HH:MM or empty), office hours ("07:30-11:30,13:00-17:00" or empty).
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "common/assert.hpp"
#include "common/time_format.hpp"
#include "domain/calendar/deadline.hpp"
#include "domain/calendar/lunar_calendar.hpp"
#include "domain/calendar/published_schedules.hpp"
#include "fuzz_input.hpp"
#include "interchange/catalog_json.hpp"

namespace {

using namespace motcua;
using namespace motcua::domain::calendar;

// The range GET /calendar/due accepts (services/calendar/calendar_service.hpp).
constexpr int kFirstYear = 1970;
constexpr int kLastYear = 2100;
constexpr int kMaxAmount = 3650;

void CheckParsers(std::string_view text) {
    if (const auto date = ParseIsoDate(text)) {
        MOTCUA_ASSERT(FormatIsoDate(date.Value()) == text, "a date formats back to its text");
        const std::chrono::year_month_day civil{date.Value()};
        const int year = static_cast<int>(civil.year());
        if (year > kMinLunarYear && year < kMaxLunarYear) {
            const auto lunar = ToLunar(civil);
            const auto back = FromLunar(lunar.year, lunar.month, lunar.day, lunar.leap);
            MOTCUA_ASSERT(back.HasValue() && back.Value() == civil, "lunar dates convert back");
        }
    }
    if (const auto local = ParseLocalDateTime(text)) {
        MOTCUA_ASSERT(FormatLocalDateTime(local.Value()) == text, "a local time formats back");
    }
    if (const auto time = ParseTimeOfDay(text)) {
        MOTCUA_ASSERT(interchange::ParseClockTime(text) == static_cast<int>(time.Value().count()),
                      "the two HH:MM parsers agree");
    }
    if (const auto minutes = interchange::ParseClockTime(text)) {
        MOTCUA_ASSERT(interchange::FormatClockTime(*minutes) == text, "HH:MM formats back");
    }
    if (const auto instant = ParseRfc3339(text)) {
        MOTCUA_ASSERT(ParseRfc3339(FormatUtc(*instant)) == instant, "UTC text reads back");
        (void)FormatVietnam(*instant);
    }
}

// "HH:MM-HH:MM,..." as the office_hours setting writes them.
std::optional<OfficeHours> ParseHours(std::string_view text) {
    if (text.empty()) {
        return OfficeHours::Default();
    }
    std::vector<OfficePeriod> periods;
    for (std::size_t at = 0; at <= text.size();) {
        const auto comma = std::min(text.find(',', at), text.size());
        const auto period = text.substr(at, comma - at);
        const auto dash = period.find('-');
        auto start = ParseTimeOfDay(period.substr(0, dash));
        auto end = ParseTimeOfDay(dash == std::string_view::npos ? "" : period.substr(dash + 1));
        if (!start || !end) {
            return std::nullopt;
        }
        periods.push_back({start.Value(), end.Value()});
        at = comma + 1;
    }
    auto hours = OfficeHours::Create(std::move(periods));
    return hours ? std::optional(std::move(hours).Value()) : std::nullopt;
}

void CheckDue(const std::vector<std::string_view>& fields) {
    static const WorkingCalendar calendar = DefaultWorkingCalendar();
    const auto start = ParseRfc3339(fields[0]);
    int amount = -1;
    const auto* end = fields[1].data() + fields[1].size();
    const bool number = std::from_chars(fields[1].data(), end, amount).ptr == end;
    const auto unit = domain::ParseTimeUnit(fields[2]);
    auto cutoff = ParseTimeOfDay(fields[3]);
    const auto hours = ParseHours(fields[4]);
    if (!start || !number || amount < 0 || amount > kMaxAmount || !unit ||
        (!fields[3].empty() && !cutoff) || !hours) {
        return;
    }
    const auto local = ToLocalDateTime(*start);
    const int year = static_cast<int>(std::chrono::year_month_day{local.date}.year());
    if (year < kFirstYear || year > kLastYear) {
        return;
    }
    const auto cut = cutoff ? std::optional(cutoff.Value()) : std::nullopt;
    const auto counting_from = StartOfCounting(local, *hours, calendar, cut);
    MOTCUA_ASSERT(counting_from >= local, "the clock never starts before the reception");
    const auto due = DueAt(counting_from, amount, *unit, *hours, calendar);
    MOTCUA_ASSERT(due >= counting_from, "nothing is due before the clock starts");
    (void)FormatVietnam(ToInstant(due));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto fields = fuzz::Fields(fuzz::AsText(data, size), 5);
    for (const auto field : fields) {
        CheckParsers(field);
    }
    CheckDue(fields);
    return 0;
}
