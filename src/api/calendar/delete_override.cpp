#include "api/calendar/calendar_handlers.hpp"
#include "api/calendar/calendar_json.hpp"
#include "api/query_params.hpp"

namespace motcua::api::calendar {

Response DeleteOverride(ApiContext& context, const Request& request, const std::string& date) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto parsed_date = ParseDate(date, "date");
    if (!parsed_date) {
        return context.errors.Render(parsed_date.GetError());
    }
    auto deleted = context.calendar->DeleteOverride(request.actor, parsed_date.Value());
    if (!deleted) {
        return context.errors.Render(deleted.GetError());
    }
    return JsonResponse(boost::json::object{{"date", date}, {"deleted", true}});
}

}  // namespace motcua::api::calendar
