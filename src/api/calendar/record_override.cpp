#include "api/calendar/calendar_handlers.hpp"
#include "api/calendar/calendar_json.hpp"
#include "api/errors.hpp"
#include "api/json/request_body.hpp"
#include "api/query_params.hpp"

namespace motcua::api::calendar {
namespace {

constexpr std::string_view kFields[] = {"working", "reason_vi", "reason_en", "source"};

// {"working": bool, "reason_vi": "...", "reason_en": "...", "source": "..."}; an unknown
// field is named, so that a misspelt "workng" is not silently dropped.
Outcome<domain::calendar::DayOverride> ParseBody(const Request& request) {
    MOTCUA_ASSIGN_OR_RETURN(auto body, json::ParseJsonBody(request));
    const auto& fields = body;
    for (const auto& field : fields) {
        if (std::find(std::begin(kFields), std::end(kFields), field.key()) == std::end(kFields)) {
            return InvalidParameter(field.key());
        }
    }
    const auto* working = fields.if_contains("working");
    if (working == nullptr || !working->is_bool()) {
        return InvalidParameter("working");
    }
    auto reason_vi = json::RequiredString(fields, "reason_vi");
    auto reason_en = json::OptionalString(fields, "reason_en");
    auto source = json::OptionalString(fields, "source");
    if (auto error = FirstError(reason_vi, reason_en, source)) {
        return *error;
    }
    domain::calendar::DayOverride day;
    day.working = working->get_bool();
    day.reason_vi = std::move(reason_vi).Value();
    day.reason_en = std::move(reason_en).Value();
    day.source = std::move(source).Value();
    return day;
}

}  // namespace

Response RecordOverride(ApiContext& context, const Request& request, const std::string& date) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto parsed_date = ParseDate(date, "date");
    if (!parsed_date) {
        return context.errors.Render(parsed_date.GetError());
    }
    auto day = ParseBody(request);
    if (!day) {
        return context.errors.Render(day.GetError());
    }
    day.Value().date = parsed_date.Value();
    auto recorded = context.calendar->RecordOverride(request.actor, std::move(day).Value());
    if (!recorded) {
        return context.errors.Render(recorded.GetError());
    }
    return JsonResponse(CalendarOverrideJson(recorded.Value()));
}

}  // namespace motcua::api::calendar
