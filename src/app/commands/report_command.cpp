// `motcua report monthly`: writes the monthly TTHC report (app/monthly_report_file.hpp).
#include <memory>

#include "app/commands/commands.hpp"
#include "app/monthly_report_file.hpp"

namespace motcua::app {

void RegisterReportCommand(CLI::App& cli, CommandTable& table) {
    auto* report = cli.add_subcommand("report", "reports");
    report->require_subcommand(1);
    auto* monthly =
        report->add_subcommand("monthly", "write the monthly TTHC report (JSON, CSV or XLSX)");
    auto spec = std::make_shared<ReportSpec>();
    monthly->add_option("--month", spec->month, "YYYY-MM")->required();
    monthly->add_option("--agency", spec->agency, "agency code (default: province)");
    monthly->add_option("--format", spec->format, "json, csv or xlsx")->capture_default_str();
    monthly
        ->add_option("--section", spec->section, "CSV section: summary, fields, index766 or plan")
        ->capture_default_str();
    monthly->add_option("--output,-o", spec->output,
                        "file to write (default: bao-cao-AGENCY-MONTH.EXT; - for stdout)");
    table.Add(monthly, [spec](App& app) {
        AppServices* services = app.Open();
        if (services == nullptr) {
            return 1;
        }
        return WriteMonthlyReport(services->reports, services->catalog, *spec);
    });
}

}  // namespace motcua::app
