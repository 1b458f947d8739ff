// The monthly report as JSON (Boost.JSON): the machine-readable form the API serves and the
// public data portal publishes. Keys are snake_case like the rest of the API; absent values
// (no_data ratios and scores, missing targets) are null, never 0; scores are unrounded.
#pragma once

#include <string>

#include <boost/json/value.hpp>

#include "reporting/render/monthly_report.hpp"

namespace motcua::reporting::render {

/// Returns the report as a JSON value:
///   {agency:{code,name_vi}, period, generated_at,
///    summary:{received,…,stopped, on_time_rate, index_total_score, index_max_score,
///             plan_with_target, plan_met},
///    fields:[{field_code,name_vi,received,…}], fields_total:{…},
///    index_766:{total_score,max_score,groups:[{code,name_vi,score,max_score,
///               metrics:[{code,id,name_vi,numerator,denominator,ratio,score,max_score,
///                         status,note}]}]},
///    plan:[{id,name_vi,target,actual,numerator,denominator,met,status}]}
boost::json::value ReportToJson(const MonthlyReport& report);

/// Returns ReportToJson serialised (UTF-8, compact).
std::string RenderJson(const MonthlyReport& report);

}  // namespace motcua::reporting::render
