// `motcua report monthly`: the monthly TTHC report of an agency (default: the province) written
// as JSON, CSV (one section) or XLSX to a file (default: its download name in the current
// directory) or, with `--output -`, to standard output.
#pragma once

#include <string>

#include "services/catalog/catalog_service.hpp"
#include "services/indicators/report_service.hpp"

namespace motcua::app {

/// `motcua report monthly` arguments.
struct ReportSpec {
    std::string month;   // YYYY-MM.
    std::string agency;  // Empty: the province.
    std::string format = "xlsx";
    std::string section = "fields";  // For CSV.
    std::string output;              // Empty: the download name; "-": standard output.
};

/// Builds and writes the report; prints the reason and returns 1 (2 for bad arguments).
int WriteMonthlyReport(services::ReportService& reports, services::CatalogService& catalog,
                       const ReportSpec& spec);

}  // namespace motcua::app
