#include "services/indicators/report_files.hpp"

#include "reporting/render/render_csv.hpp"
#include "reporting/render/render_json.hpp"
#include "reporting/render/render_xlsx.hpp"

namespace motcua::services {

namespace render = reporting::render;

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
    if (name == "json") {
        return ReportFormat::kJson;
    }
    if (name == "csv") {
        return ReportFormat::kCsv;
    }
    if (name == "xlsx") {
        return ReportFormat::kXlsx;
    }
    return std::nullopt;
}

Outcome<ReportFile> RenderReportFile(const render::MonthlyReport& report, ReportFormat format,
                                     render::ReportSection section) {
    const std::string stem = render::ReportFileStem(report);
    switch (format) {
        case ReportFormat::kJson:
            return ReportFile{"application/json", stem + ".json", render::RenderJson(report)};
        case ReportFormat::kCsv:
            return ReportFile{"text/csv; charset=utf-8",
                              stem + "-" + render::SectionCsvFileName(section),
                              render::RenderCsv(report, section)};
        case ReportFormat::kXlsx:
            break;
    }
    MOTCUA_ASSIGN_OR_RETURN(auto xlsx, render::RenderXlsx(report));
    return ReportFile{render::kXlsxContentType, stem + ".xlsx", std::move(xlsx)};
}

}  // namespace motcua::services
