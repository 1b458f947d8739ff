// UTC text by hand with <chrono>'s calendar (no time zone database, no locale).
#include "simulators/witness/utc_time.hpp"

#include <cstddef>

#include <fmt/format.h>

namespace motcua::sim::witness {
namespace {

constexpr std::size_t kShortestTime = 20;  // 2026-12-06T10:00:00Z
constexpr std::size_t kLongestTime = 40;
constexpr std::string_view kPattern = "dddd-dd-ddTdd:dd:dd";  // d: a digit.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string FormatUtc(std::chrono::system_clock::time_point time) {
    using namespace std::chrono;
    const auto micros = floor<microseconds>(time);
    const auto day = floor<days>(micros);
    const year_month_day date{day};
    const hh_mm_ss clock{micros - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                       clock.hours().count(), clock.minutes().count(), clock.seconds().count(),
                       clock.subseconds().count());
}

bool IsUtcTime(std::string_view text) {
    if (text.size() < kShortestTime || text.size() > kLongestTime || text.back() != 'Z') {
        return false;
    }
    for (std::size_t i = 0; i < kPattern.size(); ++i) {
        const bool fits = kPattern[i] == 'd' ? IsDigit(text[i]) : text[i] == kPattern[i];
        if (!fits) {
            return false;
        }
    }
    const std::string_view rest = text.substr(kPattern.size(), text.size() - kPattern.size() - 1);
    if (rest.empty()) {
        return true;
    }
    if (rest.front() != '.' || rest.size() < 2) {
        return false;
    }
    for (const char c : rest.substr(1)) {
        if (!IsDigit(c)) {
            return false;
        }
    }
    return true;
}

}  // namespace motcua::sim::witness
