#include <string_view>

#include "api/query_params.hpp"
#include "api/reports/report_handlers.hpp"
#include "services/indicators/report_files.hpp"

namespace motcua::api::reports {
namespace {

namespace render = reporting::render;

// What the caller asked for: the month, and how to render it.
struct ReportRequest {
    std::string agency;
    reporting::Period month;
    services::ReportFormat format = services::ReportFormat::kJson;
    render::ReportSection section = render::ReportSection::kFields;
};

Outcome<ReportRequest> ReadRequest(const Request& request, bool agency_required) {
    const QueryParams params(request);
    MOTCUA_RETURN_IF_ERROR(params.RejectUnknown({"agency", "month", "format", "section"}));
    auto agency = params.Text("agency");
    auto month = params.Text("month");
    auto format = params.Text("format");
    auto section = params.Text("section");
    if (auto error = FirstError(agency, month, format, section)) {
        return *error;
    }
    ReportRequest parsed;
    parsed.agency = agency.Value().value_or("");
    if (agency_required && parsed.agency.empty()) {
        return InvalidParameter("agency");
    }
    const auto period = services::ParsePeriod(month.Value().value_or(""));
    if (!period || period->kind != reporting::PeriodKind::kMonth) {
        return InvalidParameter("month");
    }
    parsed.month = *period;
    // A section names one CSV file: asking for one means CSV unless another format is named.
    const auto chosen =
        services::ParseReportFormat(format.Value().value_or(section.Value() ? "csv" : "json"));
    if (!chosen) {
        return InvalidParameter("format");
    }
    parsed.format = *chosen;
    if (const auto& name = section.Value()) {
        const auto found = render::ParseSectionName(*name);
        if (!found || parsed.format != services::ReportFormat::kCsv) {
            return InvalidParameter("section");
        }
        parsed.section = *found;
    }
    return parsed;
}

Response Render(ApiContext& context, const render::MonthlyReport& report,
                const ReportRequest& asked) {
    auto file = services::RenderReportFile(report, asked.format, asked.section);
    if (!file) {
        return context.errors.Render(file.GetError());
    }
    Response response;
    response.content_type = file.Value().content_type;
    response.body = std::move(file.Value().body);
    if (asked.format != services::ReportFormat::kJson) {
        response.With("Content-Disposition",
                      "attachment; filename=\"" + file.Value().file_name + "\"");
    }
    return response;
}

}  // namespace

Response GetMonthlyReport(ApiContext& context, const Request& request) {
    auto asked = ReadRequest(request, true);
    if (!asked) {
        return context.errors.Render(asked.GetError());
    }
    auto report =
        context.reports->Monthly(request.actor, asked.Value().agency, asked.Value().month);
    if (!report) {
        return context.errors.Render(report.GetError());
    }
    return Render(context, report.Value(), asked.Value());
}

Response GetPublicReport(ApiContext& context, const Request& request) {
    auto asked = ReadRequest(request, false);
    if (!asked) {
        return context.errors.Render(asked.GetError());
    }
    auto report = context.reports->Publication(asked.Value().agency, asked.Value().month);
    if (!report) {
        return context.errors.Render(report.GetError());
    }
    return Render(context, report.Value(), asked.Value());
}

}  // namespace motcua::api::reports
