#include "app/monthly_report_file.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "services/indicators/report_files.hpp"

namespace motcua::app {

int WriteMonthlyReport(services::ReportService& reports, services::CatalogService& catalog,
                       const ReportSpec& spec) {
    const auto month = services::ParsePeriod(spec.month);
    if (!month || month->kind != reporting::PeriodKind::kMonth) {
        fmt::print(stderr, "motcua: --month must be YYYY-MM (got '{}')\n", spec.month);
        return 2;
    }
    const auto section = reporting::render::ParseSectionName(spec.section);
    if (!section) {
        fmt::print(stderr, "motcua: --section must be summary, fields, index766 or plan\n");
        return 2;
    }
    const auto format = services::ParseReportFormat(spec.format);
    if (!format) {
        fmt::print(stderr, "motcua: --format must be json, csv or xlsx\n");
        return 2;
    }
    const std::string agency =
        spec.agency.empty() ? catalog.GetSnapshot()->GetRootCode() : spec.agency;
    auto report = reports.Monthly(domain::Actor::System("report monthly"), agency, *month);
    if (!report) {
        fmt::print(stderr, "motcua: report: {} {}\n", report.GetError().code,
                   report.GetError().param);
        return report.GetError().kind == ErrorKind::kInvalid ? 2 : 1;
    }
    auto file = services::RenderReportFile(report.Value(), *format, *section);
    if (!file) {
        fmt::print(stderr, "motcua: report: {}\n", file.GetError().code);
        return 1;
    }
    const std::string& body = file.Value().body;
    if (spec.output == "-") {
        std::fwrite(body.data(), 1, body.size(), stdout);
        return 0;
    }
    // Written beside its name and renamed: a failed write leaves no half report behind.
    const std::string path = spec.output.empty() ? file.Value().file_name : spec.output;
    const std::string partial = path + ".partial";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    out.close();
    std::error_code renamed;
    if (out) {
        std::filesystem::rename(partial, path, renamed);
    }
    if (!out || renamed) {
        std::filesystem::remove(partial, renamed);
        fmt::print(stderr, "motcua: cannot write {}\n", path);
        return 1;
    }
    fmt::print("{}: {} report of {} for {} ({} bytes)\n", path, spec.format, agency, spec.month,
               body.size());
    return 0;
}

}  // namespace motcua::app
