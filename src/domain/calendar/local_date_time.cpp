#include "domain/calendar/local_date_time.hpp"

#include <cstdio>

namespace motcua::domain::calendar {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;

Error InvalidDateTime(std::string_view text, std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::string(text),
                     std::move(detail));
}

// Reads exactly `width` decimal digits at `text[pos]`, or -1.
int ReadDigits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) {
        return -1;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return -1;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

LocalDateTime ToLocalDateTime(Instant instant) {
    const auto local = std::chrono::floor<minutes>(instant) + kVietnamUtcOffset;
    const auto date = std::chrono::floor<days>(local);
    return {date, local - date};
}

Instant ToInstant(LocalDateTime local) {
    return Instant{local.date + local.time_of_day - kVietnamUtcOffset};
}

Outcome<sys_days> ParseIsoDate(std::string_view text) {
    const int y = ReadDigits(text, 0, 4);
    const int m = ReadDigits(text, 5, 2);
    const int d = ReadDigits(text, 8, 2);
    if (text.size() != 10 || y < 0 || m < 0 || d < 0 || text[4] != '-' || text[7] != '-') {
        return InvalidDateTime(text, "expected YYYY-MM-DD");
    }
    const std::chrono::year_month_day date{std::chrono::year{y},
                                           std::chrono::month{static_cast<unsigned>(m)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        return InvalidDateTime(text, "no such date");
    }
    return sys_days{date};
}

Outcome<minutes> ParseTimeOfDay(std::string_view text) {
    const int h = ReadDigits(text, 0, 2);
    const int m = ReadDigits(text, 3, 2);
    if (text.size() != 5 || h < 0 || m < 0 || text[2] != ':' || h > 23 || m > 59) {
        return InvalidDateTime(text, "expected HH:MM");
    }
    return minutes{h * 60 + m};
}

Outcome<LocalDateTime> ParseLocalDateTime(std::string_view text) {
    if (text.size() != 16 || text[10] != 'T') {
        return InvalidDateTime(text, "expected YYYY-MM-DDTHH:MM");
    }
    auto date = ParseIsoDate(text.substr(0, 10));
    auto time = ParseTimeOfDay(text.substr(11));
    if (const auto error = FirstError(date, time)) {
        return *error;
    }
    return LocalDateTime{date.Value(), time.Value()};
}

std::string FormatIsoDate(sys_days date) {
    const std::chrono::year_month_day ymd{date};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

std::string FormatLocalDateTime(LocalDateTime local) {
    const auto total = local.time_of_day.count();
    char time[8];
    std::snprintf(time, sizeof time, "T%02d:%02d", static_cast<int>(total / 60),
                  static_cast<int>(total % 60));
    return FormatIsoDate(local.date) + time;
}

}  // namespace motcua::domain::calendar
