#include "services/payments/business_day.hpp"

#include <chrono>

#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"

namespace motcua::services {

bool IsBusinessDay(const std::string& text) {
    return domain::calendar::ParseIsoDate(text).HasValue();
}

std::string BusinessDayToday(const Clock& clock) {
    return FormatVietnam(clock.Now()).substr(0, 10);
}

std::string PreviousBusinessDay(const std::string& day) {
    const auto date = domain::calendar::ParseIsoDate(day);
    return date ? domain::calendar::FormatIsoDate(date.Value() - std::chrono::days(1)) : day;
}

}  // namespace motcua::services
