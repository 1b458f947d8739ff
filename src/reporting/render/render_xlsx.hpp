// The monthly report as an XLSX workbook (libxlsxwriter) for people: one sheet per section
// ("Tổng hợp", "Theo lĩnh vực", "Chỉ số 766", "Chỉ tiêu kế hoạch"), Vietnamese headers, number
// formats, column widths and a frozen header row. Totals are formulas (=SUM, =MIN(SUM…), COUNTIF,
// references to the other sheets) so that an edited row updates them; each formula carries the
// stored figure as its cached result, so a reader that does not recalculate shows the JSON's
// numbers, and one that does gets the same numbers back (tests/reports checks this with
// LibreOffice). The summary sheet's figures are references to the other sheets' totals.
//
// libxlsxwriter writes only to a file path: the workbook is written into a private temporary
// directory (mkdtemp, also its scratch directory), read back and the directory removed.
#pragma once

#include <filesystem>
#include <string>

#include "common/outcome.hpp"
#include "reporting/render/monthly_report.hpp"

namespace motcua::reporting::render {

struct XlsxOptions {
    /// Where the private temporary directory is made; empty: the system's temporary directory.
    std::filesystem::path temp_parent;
};

/// The MIME type to serve the bytes with.
inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Returns the workbook's bytes, or kUnavailable ("unavailable") when the temporary file cannot
/// be made, written or read (the detail names the step and libxlsxwriter's message).
Outcome<std::string> RenderXlsx(const MonthlyReport& report, const XlsxOptions& options = {});

}  // namespace motcua::reporting::render
