#include "api/calendar/calendar_handlers.hpp"
#include "api/calendar/calendar_json.hpp"
#include "api/errors.hpp"
#include "api/query_params.hpp"
#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"

namespace motcua::api::calendar {
namespace {

// A '+' typed unencoded in a query string arrives as a space (form encoding), so
// "2026-03-02T08:00:00+07:00" would read "...08:00:00 07:00": a space where the offset sign
// belongs is taken for the '+' it must have been. (Index 10, the date-time separator, may be a
// space in RFC 3339 and is left alone.)
std::string RestorePlusSign(std::string text) {
    for (std::size_t at = 19; at < text.size(); ++at) {
        if (text[at] == ' ') {
            text[at] = '+';
        }
    }
    return text;
}

struct DueQuery {
    Instant start;
    int amount = 0;
    domain::TimeUnit unit = domain::TimeUnit::kWorkingDays;
    std::optional<std::chrono::minutes> cutoff;
};

// The parameters are checked in the order of the contract; the first bad one is named.
Outcome<DueQuery> ParseQuery(const Request& request) {
    const QueryParams params(request);
    MOTCUA_RETURN_IF_ERROR(params.RejectUnknown({"start", "amount", "unit", "cutoff"}));
    DueQuery query;
    auto start = params.Text("start");
    std::optional<Instant> instant;
    if (start) {
        if (const auto& text = start.Value()) {
            instant = ParseRfc3339(RestorePlusSign(*text));
        }
    }
    if (!instant) {
        return InvalidParameter("start");
    }
    query.start = *instant;
    auto amount = params.Integer("amount", -1);
    if (!amount || amount.Value() < 0 || amount.Value() > services::kMaxDueAmount) {
        return InvalidParameter("amount");
    }
    query.amount = amount.Value();
    const auto unit = params.Enum("unit", domain::ParseTimeUnit);
    const auto parsed_unit = unit ? unit.Value() : std::nullopt;
    if (!parsed_unit) {
        return InvalidParameter("unit");
    }
    query.unit = *parsed_unit;
    MOTCUA_ASSIGN_OR_RETURN(auto cutoff, params.Text("cutoff"));
    if (cutoff) {
        auto minutes = domain::calendar::ParseTimeOfDay(*cutoff);
        if (!minutes) {
            return InvalidParameter("cutoff");
        }
        query.cutoff = minutes.Value();
    }
    return query;
}

}  // namespace

Response ComputeDue(ApiContext& context, const Request& request) {
    auto query = ParseQuery(request);
    if (!query) {
        return context.errors.Render(query.GetError());
    }
    const auto& q = query.Value();
    auto due = context.calendar->ComputeDue(q.start, q.amount, q.unit, q.cutoff);
    if (!due) {
        return context.errors.Render(due.GetError());
    }
    return JsonResponse(
        boost::json::object{{"due_at", FormatVietnam(due.Value().due_at)},
                            {"start_of_counting", FormatVietnam(due.Value().start_of_counting)}});
}

}  // namespace motcua::api::calendar
