// The monthly report as a file: JSON, one CSV section, or XLSX, with its content type and the
// ASCII name it is offered under ("bao-cao-H32-2025-03.xlsx") — one place for the API's
// downloads and `motcua report monthly`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/outcome.hpp"
#include "reporting/render/monthly_report.hpp"

namespace motcua::services {

enum class ReportFormat { kJson, kCsv, kXlsx };

/// Returns the format named "json", "csv" or "xlsx".
std::optional<ReportFormat> ParseReportFormat(std::string_view name);

struct ReportFile {
    std::string content_type;
    std::string file_name;
    std::string body;
};

/// Renders `report`; `section` picks the CSV file (the other formats hold every section).
Outcome<ReportFile> RenderReportFile(const reporting::render::MonthlyReport& report,
                                     ReportFormat format, reporting::render::ReportSection section);

}  // namespace motcua::services
