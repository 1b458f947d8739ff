#include "services/payments/business_day.hpp"

#include <array>
#include <chrono>
#include <cstdio>

#include "common/time_format.hpp"

namespace motcua::services {
namespace {

std::chrono::year_month_day ReadDay(const std::string& text) {
    const auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    return {std::chrono::year(number(0, 4)), std::chrono::month(number(5, 2)),
            std::chrono::day(number(8, 2))};
}

}  // namespace

bool IsBusinessDay(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return ReadDay(text).ok();
}

std::string BusinessDayToday(const Clock& clock) {
    return FormatVietnam(clock.Now()).substr(0, 10);
}

std::string PreviousBusinessDay(const std::string& day) {
    const std::chrono::year_month_day before{std::chrono::sys_days(ReadDay(day)) -
                                             std::chrono::days(1)};
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(before.year()),
                  static_cast<unsigned>(before.month()), static_cast<unsigned>(before.day()));
    return text.data();
}

}  // namespace motcua::services
