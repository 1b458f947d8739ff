#include "api/calendar/calendar_handlers.hpp"
#include "api/calendar/calendar_json.hpp"
#include "api/query_params.hpp"

namespace motcua::api::calendar {

Response GetCalendarYear(ApiContext& context, const Request& request, const std::string& year) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto parsed = ParseYear(year, "year");
    if (!parsed) {
        return context.errors.Render(parsed.GetError());
    }
    auto days = context.calendar->GetYear(parsed.Value());
    if (!days) {
        return context.errors.Render(days.GetError());
    }
    boost::json::array items;
    for (const auto& day : days.Value()) {
        items.push_back(CalendarDayJson(day));
    }
    return JsonResponse(boost::json::object{{"year", parsed.Value()}, {"days", std::move(items)}});
}

}  // namespace motcua::api::calendar
