#include "services/indicators/report_service.hpp"

#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"
#include "reporting/render/build_monthly_report.hpp"
#include "services/access/access_check.hpp"

namespace motcua::services {

ReportService::ReportService(storage::Database& database, CatalogService& catalog,
                             IndicatorService& indicators, const Clock& clock)
    : database_(database), catalog_(catalog), indicators_(indicators), clock_(clock) {}

Outcome<reporting::render::MonthlyReport> ReportService::Monthly(const domain::Actor& actor,
                                                                 const std::string& agency_code,
                                                                 const reporting::Period& period) {
    const auto snapshot = catalog_.GetSnapshot();
    if (snapshot->FindAgency(agency_code) == nullptr) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency");
    }
    MOTCUA_RETURN_IF_ERROR(
        CheckAccess(database_, clock_, actor, domain::Permission::kReadIndicators, {agency_code, 0},
                    MakeIsWithin(snapshot), {"reports.monthly", "agency", agency_code}));
    return Build(agency_code, period);
}

Outcome<reporting::render::MonthlyReport> ReportService::Publication(
    const std::string& agency_code, const reporting::Period& period) {
    const auto today = domain::calendar::ToLocalDateTime(clock_.Now()).date;
    if (period.LastDay() >= today) {
        return MakeError(ErrorKind::kInvalid, "period_not_ended", period.Label());
    }
    const std::string code =
        agency_code.empty() ? catalog_.GetSnapshot()->GetRootCode() : agency_code;
    return Build(code, period);
}

Outcome<reporting::render::MonthlyReport> ReportService::Build(const std::string& agency_code,
                                                               const reporting::Period& period) {
    MOTCUA_ASSIGN_OR_RETURN(auto answer, indicators_.Index766(agency_code, period));
    const auto snapshot = catalog_.GetSnapshot();
    const domain::Agency* agency = snapshot->FindAgency(agency_code);
    reporting::render::ReportInputs inputs;
    inputs.agency_code = agency_code;
    inputs.agency_name_vi = agency != nullptr ? agency->name_vi : "";
    inputs.generated_at = FormatVietnam(clock_.Now());
    inputs.period = period;
    for (const auto& rollup : answer.inputs.procedures) {
        reporting::render::ProcedureInField row;
        if (const domain::Procedure* procedure = snapshot->FindProcedure(rollup.profile.code)) {
            if (const domain::Field* field = snapshot->FindField(procedure->field_code)) {
                row.field_code = field->code;
                row.field_name_vi = field->name_vi;
            }
        }
        row.counters = rollup.counters;
        inputs.procedures.push_back(std::move(row));
    }
    inputs.index = answer.index;
    inputs.plan =
        reporting::EvaluatePlan(answer.index, answer.inputs, DefaultPlanTargets(), period.year);
    return reporting::render::BuildMonthlyReport(inputs);
}

}  // namespace motcua::services
