#include "reporting/render/render_xlsx.hpp"

#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

#include <stdlib.h>  // NOLINT(modernize-deprecated-headers): mkdtemp is POSIX, not <cstdlib>.
#include <xlsxwriter.h>

namespace motcua::reporting::render {

namespace {

namespace fs = std::filesystem;

// "A1" reference of a zero-based cell.
std::string Cell(lxw_row_t row, lxw_col_t col) {
    std::string letters;
    for (unsigned n = col + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters + std::to_string(row + 1);
}

// A cell of another sheet: 'Theo lĩnh vực'!D9.
std::string SheetCell(ReportSection section, lxw_row_t row, lxw_col_t col) {
    return std::string("'") + SectionTitleVi(section) + "'!" + Cell(row, col);
}

struct Formats {
    lxw_format* header;
    lxw_format* text;
    lxw_format* integer;
    lxw_format* decimal;
    lxw_format* bold_text;
    lxw_format* bold_integer;
    lxw_format* bold_decimal;
};

Formats MakeFormats(lxw_workbook* workbook) {
    const auto make = [workbook](bool bold, const char* number_format) {
        lxw_format* format = workbook_add_format(workbook);
        format_set_border(format, LXW_BORDER_THIN);
        format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
        if (bold) {
            format_set_bold(format);
        }
        if (number_format != nullptr) {
            format_set_num_format(format, number_format);
        }
        return format;
    };
    Formats formats{make(true, nullptr), make(false, nullptr), make(false, "#,##0"),
                    make(false, "0.00"), make(true, nullptr),  make(true, "#,##0"),
                    make(true, "0.00")};
    format_set_text_wrap(formats.header);
    format_set_align(formats.header, LXW_ALIGN_CENTER);
    format_set_bg_color(formats.header, 0xDDEBF7);
    return formats;
}

// One worksheet; remembers the first libxlsxwriter error so that callers write straight on.
class Sheet {
public:
    Sheet(lxw_worksheet* sheet, lxw_error& error) : sheet_(sheet), error_(error) {}

    void Text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
        Check(worksheet_write_string(sheet_, row, col, text.c_str(), format));
    }
    void Number(lxw_row_t row, lxw_col_t col, double number, lxw_format* format) {
        Check(worksheet_write_number(sheet_, row, col, number, format));
    }
    void Number(lxw_row_t row, lxw_col_t col, const std::optional<double>& number,
                lxw_format* format) {
        if (number) {
            Number(row, col, *number, format);
        } else {
            Blank(row, col, format);
        }
    }
    void Blank(lxw_row_t row, lxw_col_t col, lxw_format* format) {
        Check(worksheet_write_blank(sheet_, row, col, format));
    }
    void Formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
                 lxw_format* format) {
        Check(worksheet_write_formula_num(sheet_, row, col, formula.c_str(), format, cached));
    }
    void FormulaText(lxw_row_t row, lxw_col_t col, const std::string& formula,
                     const std::string& cached, lxw_format* format) {
        Check(
            worksheet_write_formula_str(sheet_, row, col, formula.c_str(), format, cached.c_str()));
    }
    void Headers(const std::vector<std::string>& headers, lxw_format* format) {
        for (std::size_t i = 0; i < headers.size(); ++i) {
            Text(0, static_cast<lxw_col_t>(i), headers[i], format);
        }
        Check(worksheet_set_row(sheet_, 0, 45, nullptr));
    }
    void Width(lxw_col_t first, lxw_col_t last, double width) {
        Check(worksheet_set_column(sheet_, first, last, width, nullptr));
    }
    void Freeze(lxw_row_t rows, lxw_col_t cols) { worksheet_freeze_panes(sheet_, rows, cols); }

private:
    void Check(lxw_error error) {
        if (error_ == LXW_NO_ERROR) {
            error_ = error;
        }
    }

    lxw_worksheet* sheet_;
    lxw_error& error_;
};

constexpr lxw_col_t kFirstCountCol = 3;  // Fields sheet: A STT, B code, C name, D… counts.

lxw_row_t FieldsTotalRow(const MonthlyReport& report) {
    return static_cast<lxw_row_t>(report.fields.size() + 1);
}

void WriteFields(Sheet& sheet, const MonthlyReport& report, const Formats& f) {
    std::vector<std::string> headers = {"STT", "Mã lĩnh vực", "Tên lĩnh vực"};
    for (const auto& column : FieldColumns()) {
        headers.emplace_back(column.header_vi);
    }
    sheet.Headers(headers, f.header);
    const auto columns = FieldColumns();
    for (std::size_t i = 0; i < report.fields.size(); ++i) {
        const FieldRow& row = report.fields[i];
        const auto r = static_cast<lxw_row_t>(i + 1);
        sheet.Number(r, 0, static_cast<double>(i + 1), f.integer);
        sheet.Text(r, 1, row.field_code, f.text);
        sheet.Text(r, 2, row.name_vi, f.text);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            sheet.Number(r, static_cast<lxw_col_t>(kFirstCountCol + c),
                         static_cast<double>(row.*columns[c].member), f.integer);
        }
    }
    const FieldRow total = SumFields(report.fields);
    const lxw_row_t t = FieldsTotalRow(report);
    sheet.Blank(t, 0, f.bold_text);
    sheet.Blank(t, 1, f.bold_text);
    sheet.Text(t, 2, kTotalVi, f.bold_text);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(kFirstCountCol + c);
        const auto value = static_cast<double>(total.*columns[c].member);
        if (report.fields.empty()) {
            sheet.Number(t, col, value, f.bold_integer);
        } else {
            sheet.Formula(t, col, "=SUM(" + Cell(1, col) + ":" + Cell(t - 1, col) + ")", value,
                          f.bold_integer);
        }
    }
    sheet.Width(0, 0, 6);
    sheet.Width(1, 1, 14);
    sheet.Width(2, 2, 40);
    sheet.Width(kFirstCountCol, static_cast<lxw_col_t>(kFirstCountCol + columns.size() - 1), 14);
    sheet.Freeze(1, kFirstCountCol);
}

// 766 sheet columns: A group, B id, C code, D name, E numerator, F denominator, G ratio,
// H score, I max, J status, K note. Returns the total row.
constexpr lxw_col_t kScoreCol = 7;
constexpr lxw_col_t kMaxCol = 8;

lxw_row_t WriteIndex(Sheet& sheet, const MonthlyReport& report, const Formats& f) {
    sheet.Headers({"Nhóm", "STT", "Mã chỉ số", "Tên chỉ số", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Điểm",
                   "Điểm tối đa", "Trạng thái", "Ghi chú"},
                  f.header);
    lxw_row_t r = 1;
    std::string score_sum;
    std::string max_sum;
    for (const auto& group : report.index_groups) {
        const lxw_row_t g = r++;
        sheet.Text(g, 0, group.code, f.bold_text);
        sheet.Blank(g, 1, f.bold_text);
        sheet.Blank(g, 2, f.bold_text);
        sheet.Text(g, 3, group.name_vi, f.bold_text);
        for (lxw_col_t c = 4; c < kScoreCol; ++c) {
            sheet.Blank(g, c, f.bold_text);
        }
        for (const auto& metric : group.metrics) {
            const bool ok = metric.status == MetricStatus::kOk;
            sheet.Text(r, 0, group.code, f.text);
            sheet.Text(r, 1, metric.id, f.text);
            sheet.Text(r, 2, metric.code, f.text);
            sheet.Text(r, 3, metric.name_vi, f.text);
            sheet.Number(r, 4, metric.numerator, f.decimal);
            sheet.Number(r, 5, metric.denominator, f.decimal);
            sheet.Number(r, 6, metric.ratio, f.decimal);
            // A no_data metric adds nothing to its group (SUM skips the blank).
            sheet.Number(r, kScoreCol, ok ? metric.score : std::nullopt, f.decimal);
            sheet.Number(r, kMaxCol, metric.max_score, f.decimal);
            sheet.Text(r, 9, MetricStatusNameVi(metric.status), f.text);
            sheet.Text(r, 10, metric.note, f.text);
            ++r;
        }
        if (group.metrics.empty()) {
            sheet.Number(g, kScoreCol, group.score, f.bold_decimal);
        } else {
            sheet.Formula(g, kScoreCol,
                          "=MIN(SUM(" + Cell(g + 1, kScoreCol) + ":" + Cell(r - 1, kScoreCol) +
                              ")," + Cell(g, kMaxCol) + ")",
                          group.score, f.bold_decimal);
        }
        sheet.Number(g, kMaxCol, group.max_score, f.bold_decimal);
        sheet.Blank(g, 9, f.bold_text);
        sheet.Blank(g, 10, f.bold_text);
        score_sum += (score_sum.empty() ? "=" : "+") + Cell(g, kScoreCol);
        max_sum += (max_sum.empty() ? "=" : "+") + Cell(g, kMaxCol);
    }
    const lxw_row_t t = r;
    for (lxw_col_t c = 0; c < 11; ++c) {
        if (c != 3 && c != kScoreCol && c != kMaxCol) {
            sheet.Blank(t, c, f.bold_text);
        }
    }
    sheet.Text(t, 3, kIndexTotalVi, f.bold_text);
    if (report.index_groups.empty()) {
        sheet.Number(t, kScoreCol, report.index_total_score, f.bold_decimal);
        sheet.Number(t, kMaxCol, report.index_max_score, f.bold_decimal);
    } else {
        sheet.Formula(t, kScoreCol, score_sum, report.index_total_score, f.bold_decimal);
        sheet.Formula(t, kMaxCol, max_sum, report.index_max_score, f.bold_decimal);
    }
    sheet.Width(0, 0, 20);
    sheet.Width(1, 1, 6);
    sheet.Width(2, 2, 34);
    sheet.Width(3, 3, 50);
    sheet.Width(4, 8, 11);
    sheet.Width(9, 9, 16);
    sheet.Width(10, 10, 40);
    sheet.Freeze(1, 0);
    return t;
}

// Plan sheet columns: A id, B name, C target, D actual, E numerator, F denominator,
// G evaluation (Đạt / Chưa đạt), H status. The two count rows follow the indicators.
constexpr lxw_col_t kTargetCol = 2;
constexpr lxw_col_t kMetCol = 6;

lxw_row_t WritePlan(Sheet& sheet, const MonthlyReport& report, const Formats& f) {
    sheet.Headers({"Mã", "Chỉ tiêu", "Mục tiêu (%)", "Thực hiện (%)", "Tử số", "Mẫu số", "Đánh giá",
                   "Trạng thái"},
                  f.header);
    lxw_row_t r = 1;
    for (const auto& row : report.plan) {
        sheet.Text(r, 0, row.id, f.text);
        sheet.Text(r, 1, row.name_vi, f.text);
        sheet.Number(r, kTargetCol, row.target, f.decimal);
        sheet.Number(r, 3, row.actual, f.decimal);
        sheet.Number(r, 4, row.numerator, f.decimal);
        sheet.Number(r, 5, row.denominator, f.decimal);
        if (row.met) {
            sheet.Text(r, kMetCol, *row.met ? kMetVi : kNotMetVi, f.text);
        } else {
            sheet.Blank(r, kMetCol, f.text);
        }
        sheet.Text(r, 7, MetricStatusNameVi(row.status), f.text);
        ++r;
    }
    const PlanTally tally = TallyPlan(report.plan);
    const lxw_row_t last = r - 1;
    const lxw_row_t with_target = r;
    const lxw_row_t met = r + 1;
    sheet.Text(with_target, 1, kPlanWithTargetVi, f.bold_text);
    sheet.Text(met, 1, kPlanMetVi, f.bold_text);
    if (report.plan.empty()) {
        sheet.Number(with_target, kTargetCol, static_cast<double>(tally.with_target),
                     f.bold_integer);
        sheet.Number(met, kMetCol, static_cast<double>(tally.met), f.bold_integer);
    } else {
        const auto range = [last](lxw_col_t col) { return Cell(1, col) + ":" + Cell(last, col); };
        sheet.Formula(with_target, kTargetCol, "=COUNT(" + range(kTargetCol) + ")",
                      static_cast<double>(tally.with_target), f.bold_integer);
        sheet.Formula(met, kMetCol,
                      "=COUNTIF(" + range(kMetCol) + ",\"" + std::string(kMetVi) + "\")",
                      static_cast<double>(tally.met), f.bold_integer);
    }
    sheet.Width(0, 0, 8);
    sheet.Width(1, 1, 50);
    sheet.Width(2, 5, 12);
    sheet.Width(6, 7, 16);
    sheet.Freeze(1, 0);
    return with_target;
}

void WriteSummary(Sheet& sheet, const MonthlyReport& report, lxw_row_t index_total,
                  lxw_row_t plan_with_target, const Formats& f) {
    sheet.Headers({"Chỉ tiêu", "Giá trị"}, f.header);
    lxw_row_t r = 1;
    const auto info = [&](const char* label, const std::string& value) {
        sheet.Text(r, 0, label, f.text);
        sheet.Text(r, 1, value, f.text);
        ++r;
    };
    info("Mã đơn vị", report.agency_code);
    info("Tên đơn vị", report.agency_name_vi);
    info("Kỳ báo cáo", report.period_label);
    info("Ngày lập", report.generated_at);

    const FieldRow total = SumFields(report.fields);
    const auto columns = FieldColumns();
    lxw_row_t on_time_row = 0;
    lxw_row_t late_row = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].member == &FieldRow::finished_on_time) {
            on_time_row = r;
        }
        if (columns[c].member == &FieldRow::finished_late) {
            late_row = r;
        }
        sheet.Text(r, 0, columns[c].header_vi, f.text);
        sheet.Formula(r, 1,
                      "=" + SheetCell(ReportSection::kFields, FieldsTotalRow(report),
                                      static_cast<lxw_col_t>(kFirstCountCol + c)),
                      static_cast<double>(total.*columns[c].member), f.integer);
        ++r;
    }
    const std::string on = Cell(on_time_row, 1);
    const std::string late = Cell(late_row, 1);
    sheet.Text(r, 0, "Tỷ lệ giải quyết đúng hạn (%)", f.text);
    const std::string rate =
        "=IF(" + on + "+" + late + "=0,\"\",100*" + on + "/(" + on + "+" + late + "))";
    if (const auto value = OnTimeRate(total)) {
        sheet.Formula(r, 1, rate, *value, f.decimal);
    } else {
        sheet.FormulaText(r, 1, rate, "", f.decimal);
    }
    ++r;
    sheet.Text(r, 0, "Điểm Chỉ số 766", f.text);
    sheet.Formula(r, 1, "=" + SheetCell(ReportSection::kIndex766, index_total, kScoreCol),
                  report.index_total_score, f.decimal);
    ++r;
    sheet.Text(r, 0, "Điểm tối đa Chỉ số 766", f.text);
    sheet.Formula(r, 1, "=" + SheetCell(ReportSection::kIndex766, index_total, kMaxCol),
                  report.index_max_score, f.decimal);
    ++r;
    const PlanTally tally = TallyPlan(report.plan);
    sheet.Text(r, 0, "Số chỉ tiêu kế hoạch có mục tiêu", f.text);
    sheet.Formula(r, 1, "=" + SheetCell(ReportSection::kPlan, plan_with_target, kTargetCol),
                  static_cast<double>(tally.with_target), f.integer);
    ++r;
    sheet.Text(r, 0, "Số chỉ tiêu kế hoạch đạt", f.text);
    sheet.Formula(r, 1, "=" + SheetCell(ReportSection::kPlan, plan_with_target + 1, kMetCol),
                  static_cast<double>(tally.met), f.integer);
    sheet.Width(0, 0, 40);
    sheet.Width(1, 1, 40);
    sheet.Freeze(1, 0);
}

// Removes the private directory however RenderXlsx leaves.
class TempDir {
public:
    explicit TempDir(fs::path path) : path_(std::move(path)) {}
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& Path() const { return path_; }

private:
    fs::path path_;
};

Error Failure(const std::string& step, const std::string& detail) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", {}, "xlsx " + step + ": " + detail);
}

}  // namespace

Outcome<std::string> RenderXlsx(const MonthlyReport& report, const XlsxOptions& options) {
    std::error_code ec;
    const fs::path parent =
        options.temp_parent.empty() ? fs::temp_directory_path(ec) : options.temp_parent;
    if (ec) {
        return Failure("temp directory", ec.message());
    }
    std::string pattern = (parent / "motcua-xlsx-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        return Failure("mkdtemp", std::generic_category().message(errno));
    }
    const TempDir dir(pattern);
    const std::string file = (dir.Path() / "report.xlsx").string();

    lxw_workbook_options workbook_options{};
    workbook_options.tmpdir = pattern.data();
    lxw_workbook* workbook = workbook_new_opt(file.c_str(), &workbook_options);
    if (workbook == nullptr) {
        return Failure("workbook_new", file);
    }
    std::string title = "Báo cáo tình hình giải quyết TTHC " + report.period_label;
    std::string author = report.agency_name_vi;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = author.data();
    lxw_error error = workbook_set_properties(workbook, &properties);

    const Formats formats = MakeFormats(workbook);
    // Sheets in section order; the summary refers to rows the other sheets decide, so it is
    // written last.
    std::vector<lxw_worksheet*> sheets;
    for (const ReportSection section : kAllReportSections) {
        sheets.push_back(workbook_add_worksheet(workbook, SectionTitleVi(section)));
        if (sheets.back() == nullptr && error == LXW_NO_ERROR) {
            error = LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED;  // Only a bad name makes it fail.
        }
    }
    if (error == LXW_NO_ERROR) {
        Sheet fields(sheets[1], error);
        WriteFields(fields, report, formats);
        Sheet index(sheets[2], error);
        const lxw_row_t index_total = WriteIndex(index, report, formats);
        Sheet plan(sheets[3], error);
        const lxw_row_t plan_with_target = WritePlan(plan, report, formats);
        Sheet summary(sheets[0], error);
        WriteSummary(summary, report, index_total, plan_with_target, formats);
    }
    // workbook_close frees the workbook whatever happened, so it is always called.
    const lxw_error closed = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
        return Failure("write", lxw_strerror(error));
    }
    if (closed != LXW_NO_ERROR) {
        return Failure("close", lxw_strerror(closed));
    }
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open()) {
        return Failure("open", file);
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        return Failure("read", file);
    }
    return bytes;
}

}  // namespace motcua::reporting::render
