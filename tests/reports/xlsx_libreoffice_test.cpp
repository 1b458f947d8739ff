// The XLSX against a real spreadsheet: LibreOffice opens the workbook headless, recalculates
// every formula (forced through a private profile, since by default it trusts the cached results
// of files that say they come from Excel) and writes each sheet as CSV; the recalculated totals
// must equal the JSON report's figures. Skipped, with a message, when `soffice` is absent (CI
// installs libreoffice-calc-nogui: TEST_PACKAGES in scripts/lib.sh). MOTCUA_SOFFICE names
// another binary.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "reporting/render/render_json.hpp"
#include "reporting/render/render_test_data.hpp"
#include "reporting/render/render_xlsx.hpp"

namespace motcua::reporting::render {
namespace {

namespace fs = std::filesystem;
using boost::json::value;
using testing::CsvRecords;
using testing::ReadCsv;

std::optional<fs::path> FindSoffice() {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read before any thread starts.
    if (const char* configured = std::getenv("MOTCUA_SOFFICE"); configured && *configured) {
        return fs::path(configured);
    }
    const char* path = std::getenv("PATH");  // NOLINT(concurrency-mt-unsafe): no threads.
    std::stringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        for (const char* name : {"soffice", "libreoffice"}) {
            const fs::path candidate = fs::path(dir) / name;
            if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) {
                return candidate;
            }
        }
    }
    return std::nullopt;
}

// OOXMLRecalcMode 0 = always recalculate on load (default 1 = never for Excel-made files;
// libxlsxwriter's docProps/app.xml says "Microsoft Excel").
constexpr const char* kRecalcProfile = R"(<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
)";

std::string ReadFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void WriteFile(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

// A workbook whose formula's cached result is wrong: after recalculation it reads 2, not 0.
void WriteCanary(const fs::path& file) {
    lxw_workbook* workbook = workbook_new(file.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Canary");
    worksheet_write_formula_num(sheet, 0, 0, "=1+1", nullptr, 0);
    workbook_close(workbook);
}

MonthlyReport NothingFinished() {
    MonthlyReport report = testing::SampleMonthlyReport();
    for (auto& row : report.fields) {
        row.in_progress_on_time += row.finished_on_time + row.finished_late;
        row.finished_on_time = row.finished_late = row.returned = 0;
    }
    return report;
}

// Every sheet of every converted workbook: sheets[workbook][sheet title] = records.
std::map<std::string, std::map<std::string, CsvRecords>> sheets;
std::string conversion_error;
std::optional<fs::path> soffice;

class XlsxLibreOfficeTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        soffice = FindSoffice();
        if (!soffice) {
            return;
        }
        const fs::path dir =
            fs::temp_directory_path() / ("motcua-xlsx-lo-test-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / "profile" / "user");
        WriteFile(dir / "profile" / "user" / "registrymodifications.xcu", kRecalcProfile);
        WriteCanary(dir / "canary.xlsx");
        const std::map<std::string, MonthlyReport> reports = {
            {"report", testing::SampleMonthlyReport()},
            {"unfinished", NothingFinished()},
            {"empty", MonthlyReport{}},
        };
        for (const auto& [name, report] : reports) {
            auto bytes = RenderXlsx(report, {.temp_parent = dir});
            if (!bytes) {
                conversion_error = "RenderXlsx: " + bytes.GetError().detail;
                return;
            }
            WriteFile(dir / (name + ".xlsx"), bytes.Value());
        }
        // Filter options: comma, '"', UTF-8 (76), from line 1, raw values (not "as shown"),
        // no formulas, every sheet (-1: one file per sheet, "<name>-<sheet>.csv"; LO ≥ 7.2).
        const std::string command =
            "cd '" + dir.string() + "' && timeout 300 '" + soffice->string() +
            "' -env:UserInstallation=file://" + (dir / "profile").string() +
            " --headless --norestore --convert-to "
            "'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' "
            "--outdir out canary.xlsx report.xlsx unfinished.xlsx empty.xlsx > soffice.log 2>&1";
        // NOLINTNEXTLINE(concurrency-mt-unsafe): the test runs soffice from one thread.
        if (std::system(command.c_str()) != 0) {
            conversion_error = "soffice failed (files kept in " + dir.string() +
                               "): " + ReadFile(dir / "soffice.log");
            return;
        }
        for (const auto& entry : fs::directory_iterator(dir / "out")) {
            const std::string stem = entry.path().stem().string();
            const auto dash = stem.find('-');
            if (dash != std::string::npos) {
                sheets[stem.substr(0, dash)][stem.substr(dash + 1)] =
                    ReadCsv(ReadFile(entry.path()));
            }
        }
        fs::remove_all(dir);
    }

    void SetUp() override {
        if (!soffice) {
            GTEST_SKIP() << "LibreOffice not found (soffice on PATH or MOTCUA_SOFFICE): "
                            "install libreoffice-calc-nogui to check the XLSX formulas";
        }
        ASSERT_TRUE(conversion_error.empty()) << conversion_error;
    }

    static const CsvRecords& Sheet(const std::string& workbook, ReportSection section) {
        const auto& records = sheets[workbook][SectionTitleVi(section)];
        EXPECT_FALSE(records.empty()) << workbook << " / " << SectionTitleVi(section);
        return records;
    }
};

// The record whose column `col` is `label`, or an empty record.
std::vector<std::string> Row(const CsvRecords& records, std::size_t col, const std::string& label) {
    for (const auto& record : records) {
        if (record.size() > col && record[col] == label) {
            return record;
        }
    }
    ADD_FAILURE() << "no row labelled " << label;
    return {};
}

// LibreOffice writes 15 significant digits.
void ExpectNumber(const std::string& cell, double expected, const std::string& what) {
    ASSERT_FALSE(cell.empty()) << what;
    EXPECT_NEAR(std::stod(cell), expected, 1e-12 * std::max(1.0, std::fabs(expected))) << what;
}

double Number(const value& json) { return json.to_number<double>(); }

TEST_F(XlsxLibreOfficeTest, RecalculatesFormulasOnLoad) {
    const auto& canary = sheets["canary"]["Canary"];
    ASSERT_FALSE(canary.empty());
    EXPECT_EQ(canary[0][0], "2") << "LibreOffice showed the cached result: the other checks "
                                    "would not prove the formulas";
}

TEST_F(XlsxLibreOfficeTest, WritesEverySheet) {
    for (const ReportSection section : kAllReportSections) {
        EXPECT_GT(Sheet("report", section).size(), 1u) << SectionTitleVi(section);
    }
}

TEST_F(XlsxLibreOfficeTest, FieldTotalsEqualTheJsonReport) {
    const MonthlyReport report = testing::SampleMonthlyReport();
    const value json = boost::json::parse(RenderJson(report));
    const auto& records = Sheet("report", ReportSection::kFields);
    EXPECT_EQ(records[0][1], "Mã lĩnh vực");
    EXPECT_EQ(records[2][2], "Hộ tịch, \"khai sinh\", kết hôn");
    EXPECT_EQ(records[3][2], "Xây dựng\nnhà ở");
    const auto total = Row(records, 2, "Tổng cộng");
    const auto columns = FieldColumns();
    ASSERT_EQ(total.size(), 3 + columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        ExpectNumber(total[3 + c], Number(json.at("fields_total").at(columns[c].key)),
                     columns[c].key);
    }
}

TEST_F(XlsxLibreOfficeTest, SummaryEqualsTheJsonSummary) {
    const value json = boost::json::parse(RenderJson(testing::SampleMonthlyReport()));
    const auto& summary = json.at("summary");
    const auto& records = Sheet("report", ReportSection::kSummary);
    EXPECT_EQ(Row(records, 0, "Tên đơn vị")[1], "UBND tỉnh Thử Nghiệm");
    for (const auto& column : FieldColumns()) {
        ExpectNumber(Row(records, 0, column.header_vi)[1], Number(summary.at(column.key)),
                     column.key);
    }
    ExpectNumber(Row(records, 0, "Tỷ lệ giải quyết đúng hạn (%)")[1],
                 Number(summary.at("on_time_rate")), "on_time_rate");
    ExpectNumber(Row(records, 0, "Điểm Chỉ số 766")[1], Number(summary.at("index_total_score")),
                 "index_total_score");
    ExpectNumber(Row(records, 0, "Điểm tối đa Chỉ số 766")[1],
                 Number(summary.at("index_max_score")), "index_max_score");
    ExpectNumber(Row(records, 0, "Số chỉ tiêu kế hoạch có mục tiêu")[1],
                 Number(summary.at("plan_with_target")), "plan_with_target");
    ExpectNumber(Row(records, 0, "Số chỉ tiêu kế hoạch đạt")[1], Number(summary.at("plan_met")),
                 "plan_met");
}

TEST_F(XlsxLibreOfficeTest, IndexGroupScoresAndTotalEqualTheJsonIndex) {
    const value json = boost::json::parse(RenderJson(testing::SampleMonthlyReport()));
    const auto& index = json.at("index_766");
    const auto& records = Sheet("report", ReportSection::kIndex766);
    for (const auto& group : index.at("groups").as_array()) {
        const std::string code(group.at("code").as_string());
        const auto row = Row(records, 3, std::string(group.at("name_vi").as_string()));
        ASSERT_EQ(row.size(), 11u);
        EXPECT_EQ(row[0], code);
        ExpectNumber(row[7], Number(group.at("score")), code + " score");
        ExpectNumber(row[8], Number(group.at("max_score")), code + " max");
    }
    const auto total = Row(records, 3, "Tổng điểm");
    ASSERT_EQ(total.size(), 11u);
    ExpectNumber(total[7], Number(index.at("total_score")), "total_score");
    ExpectNumber(total[8], Number(index.at("max_score")), "max_score");
}

TEST_F(XlsxLibreOfficeTest, PlanCountsEqualTheJsonSummary) {
    const value json = boost::json::parse(RenderJson(testing::SampleMonthlyReport()));
    const auto& records = Sheet("report", ReportSection::kPlan);
    EXPECT_EQ(Row(records, 0, "I.1")[6], "Chưa đạt");
    ExpectNumber(Row(records, 1, "Số chỉ tiêu có mục tiêu")[2],
                 Number(json.at("summary").at("plan_with_target")), "plan_with_target");
    ExpectNumber(Row(records, 1, "Số chỉ tiêu đạt")[6], Number(json.at("summary").at("plan_met")),
                 "plan_met");
}

TEST_F(XlsxLibreOfficeTest, RateIsBlankWhenNothingFinished) {
    const value json = boost::json::parse(RenderJson(NothingFinished()));
    ASSERT_TRUE(json.at("summary").at("on_time_rate").is_null());
    const auto& records = Sheet("unfinished", ReportSection::kSummary);
    EXPECT_EQ(Row(records, 0, "Tỷ lệ giải quyết đúng hạn (%)")[1], "");
    ExpectNumber(Row(records, 0, "Đang giải quyết trong hạn")[1],
                 Number(json.at("summary").at("in_progress_on_time")), "in_progress_on_time");
}

TEST_F(XlsxLibreOfficeTest, EmptyReportOpensWithZeroTotals) {
    const auto& summary = Sheet("empty", ReportSection::kSummary);
    ExpectNumber(Row(summary, 0, "Tổng số hồ sơ tiếp nhận")[1], 0, "received");
    ExpectNumber(Row(Sheet("empty", ReportSection::kIndex766), 3, "Tổng điểm")[7], 0, "total");
}

}  // namespace
}  // namespace motcua::reporting::render
