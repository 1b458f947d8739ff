// Builds the monthly TTHC report (monthly_report.hpp) from the counters of the period's cohort,
// the scored 766 index and the evaluated plan. Pure: the service reads the counters and the
// catalogue and passes them in. Each field row turns counters into the report's columns, judged
// at the end of the report's period (counters.hpp).
#pragma once

#include <string>
#include <vector>

#include "reporting/counters.hpp"
#include "reporting/index_766.hpp"
#include "reporting/plan_indicators.hpp"
#include "reporting/render/monthly_report.hpp"

namespace motcua::reporting::render {

/// The counters of one procedure and the field (lĩnh vực) it belongs to.
struct ProcedureInField {
    std::string field_code;  // Empty: the "Khác" row.
    std::string field_name_vi;
    Counters counters;
};

struct ReportInputs {
    std::string agency_code;
    std::string agency_name_vi;
    std::string generated_at;
    Period period;
    std::vector<ProcedureInField> procedures;
    IndexResult index;
    std::vector<PlanIndicatorResult> plan;
};

/// Returns the report columns of `counters` judged at the end of a period of `kind`.
FieldRow FieldRowOf(const Counters& counters, PeriodKind kind);

/// Returns the report: one field row per field with dossiers (ordered by field code, "Khác"
/// last), the index groups with Vietnamese metric names, and the plan rows.
MonthlyReport BuildMonthlyReport(const ReportInputs& inputs);

}  // namespace motcua::reporting::render
