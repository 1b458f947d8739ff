#include "api/calendar/calendar_handlers.hpp"
#include "api/calendar/calendar_json.hpp"
#include "api/query_params.hpp"

namespace motcua::api::calendar {

Response ListOverrides(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"year"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto year_text = params.Text("year");
    if (!year_text) {
        return context.errors.Render(year_text.GetError());
    }
    std::optional<int> year;
    if (const auto& text = year_text.Value()) {
        auto parsed = ParseYear(*text, "year");
        if (!parsed) {
            return context.errors.Render(parsed.GetError());
        }
        year = parsed.Value();
    }
    auto overrides = context.calendar->ListOverrides(year);
    if (!overrides) {
        return context.errors.Render(overrides.GetError());
    }
    boost::json::array items;
    for (const auto& effective : overrides.Value()) {
        items.push_back(CalendarOverrideJson(effective));
    }
    return JsonResponse(boost::json::object{{"overrides", std::move(items)}});
}

}  // namespace motcua::api::calendar
