#include "api/calendar/calendar_json.hpp"

#include <algorithm>
#include <charconv>

#include "api/errors.hpp"
#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"

namespace motcua::api::calendar {
namespace {

boost::json::value OrNull(const std::string& text) {
    return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

const char* OriginName(services::OverrideOrigin origin) {
    switch (origin) {
        case services::OverrideOrigin::kPublished:
            return "published";
        case services::OverrideOrigin::kRecorded:
            return "recorded";
    }
    return "published";  // Unreachable: every origin is listed above (-Wswitch checks it).
}

}  // namespace

boost::json::object CalendarDayJson(const domain::calendar::CalendarDay& day) {
    return {{"date", domain::calendar::FormatIsoDate(day.date)},
            {"working", day.working},
            {"reason_vi", day.reason_vi},
            {"reason_en", day.reason_en},
            {"source", day.source}};
}

boost::json::object CalendarOverrideJson(const services::EffectiveOverride& effective) {
    const auto& day = effective.day;
    boost::json::object object =
        CalendarDayJson({day.date, day.working, day.reason_vi, day.reason_en, day.source});
    object["origin"] = OriginName(effective.origin);
    object["recorded_by"] = OrNull(effective.recorded_by);
    boost::json::value recorded_at = nullptr;
    if (const auto at = ParseRfc3339(effective.recorded_at)) {
        recorded_at = FormatVietnam(*at);
    }
    object["recorded_at"] = std::move(recorded_at);
    return object;
}

Outcome<int> ParseYear(std::string_view text, std::string_view param) {
    int year = 0;
    const auto* end = text.data() + text.size();
    const bool digits =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (text.size() != 4 || !digits || std::from_chars(text.data(), end, year).ptr != end) {
        return InvalidParameter(param);
    }
    return year;
}

Outcome<std::chrono::sys_days> ParseDate(std::string_view text, std::string_view param) {
    auto date = domain::calendar::ParseIsoDate(text);
    if (!date) {
        return InvalidParameter(param);
    }
    return date.Value();
}

}  // namespace motcua::api::calendar
