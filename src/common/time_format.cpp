#include "common/time_format.hpp"

#include <cstdio>

namespace motcua {
namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::microseconds;

struct Parts {
    std::chrono::year_month_day date;
    std::chrono::hh_mm_ss<microseconds> time;
};

Parts Split(std::chrono::sys_time<microseconds> at) {
    const auto day = floor<days>(at);
    return {std::chrono::year_month_day{day}, std::chrono::hh_mm_ss<microseconds>{at - day}};
}

bool ReadDigits(std::string_view text, std::size_t at, std::size_t count, int& value) {
    if (at + count > text.size()) {
        return false;
    }
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

std::string FormatUtc(Instant instant) {
    const auto [date, time] = Split(instant);
    char text[40];
    std::snprintf(
        text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%06ldZ", static_cast<int>(date.year()),
        static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
        static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
        static_cast<long>(time.seconds().count()), static_cast<long>(time.subseconds().count()));
    return text;
}

std::string FormatVietnam(Instant instant) {
    const auto [date, time] = Split(floor<std::chrono::seconds>(instant) + kVietnamUtcOffset);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld+07:00",
                  static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), static_cast<long>(time.hours().count()),
                  static_cast<long>(time.minutes().count()),
                  static_cast<long>(time.seconds().count()));
    return text;
}

std::optional<Instant> ParseRfc3339(std::string_view text) {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!ReadDigits(text, 0, 4, year) || text.size() < 20 || text[4] != '-' ||
        !ReadDigits(text, 5, 2, month) || text[7] != '-' || !ReadDigits(text, 8, 2, day) ||
        (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !ReadDigits(text, 11, 2, hour) ||
        text[13] != ':' || !ReadDigits(text, 14, 2, minute) || text[16] != ':' ||
        !ReadDigits(text, 17, 2, second)) {
        return std::nullopt;
    }
    std::size_t at = 19;
    long fraction_us = 0;
    if (at < text.size() && text[at] == '.') {
        long scale = 100000;
        ++at;
        const std::size_t start = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            fraction_us += (text[at] - '0') * scale;
            scale /= 10;
            ++at;
        }
        if (at == start) {
            return std::nullopt;
        }
    }
    int offset_minutes = 0;
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
        ++at;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        int offset_hours = 0;
        int offset_rest = 0;
        if (!ReadDigits(text, at + 1, 2, offset_hours) || at + 3 >= text.size() ||
            text[at + 3] != ':' || !ReadDigits(text, at + 4, 2, offset_rest) || offset_hours > 23 ||
            offset_rest > 59) {
            return std::nullopt;
        }
        offset_minutes = (offset_hours * 60 + offset_rest) * (text[at] == '-' ? -1 : 1);
        at += 6;
    } else {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{year},
                                           std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (at != text.size() || !date.ok() || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    const Instant instant = std::chrono::sys_days{date} + std::chrono::hours{hour} +
                            std::chrono::minutes{minute} + std::chrono::seconds{second} +
                            microseconds{fraction_us} - std::chrono::minutes{offset_minutes};
    // Only instants that format back to a 4-digit year are accepted (and none before 1970):
    // a far-future date would otherwise be stored as text that no longer parses or sorts.
    if (instant < std::chrono::sys_days{std::chrono::year{1970} / 1 / 1} ||
        instant >= std::chrono::sys_days{std::chrono::year{9000} / 1 / 1}) {
        return std::nullopt;
    }
    return instant;
}

std::string StoredInVietnam(std::string_view stored) {
    const auto instant = ParseRfc3339(stored);
    return instant ? FormatVietnam(*instant) : std::string(stored);
}

}  // namespace motcua
