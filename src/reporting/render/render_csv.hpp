// The monthly report as CSV, for people who open it in a spreadsheet: RFC 4180 (comma, fields
// with a comma, quote, CR or LF quoted, quotes doubled, CRLF line ends), UTF-8 with a byte-order
// mark so that Excel reads the Vietnamese text as UTF-8 rather than the ANSI code page.
//
// One CSV per section (the XLSX's four sheets): RFC 4180 expects every record to have the same
// number of fields, and spreadsheets and CSV readers handle one table per file; sections glued
// into one file with blank separator lines would break both. Headers and words are Vietnamese
// (the JSON is the machine form); numbers use '.' as the decimal point with no grouping, and
// scores and ratios are unrounded. Text cells that a spreadsheet would read as a formula
// (starting with = + - @, tab or CR) get a leading apostrophe (CSV injection, OWASP).
#pragma once

#include <string>
#include <string_view>

#include "reporting/render/monthly_report.hpp"

namespace motcua::reporting::render {

/// Returns an ASCII file name for the section's CSV: "tong-hop.csv", "theo-linh-vuc.csv",
/// "chi-so-766.csv", "chi-tieu-ke-hoach.csv".
const char* SectionCsvFileName(ReportSection section);

/// The UTF-8 byte-order mark every CSV starts with.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// Returns one section as a CSV file (BOM, header record, data records, total record).
std::string RenderCsv(const MonthlyReport& report, ReportSection section);

/// Returns `text` as one RFC 4180 field (quoted when needed, formula-like text defused).
std::string CsvTextField(std::string_view text);

/// Returns `number` in the shortest form that reads back to the same double ("12.5", "20").
std::string CsvNumber(double number);

}  // namespace motcua::reporting::render
