#include "reporting/render/render_csv.hpp"

#include <map>

#include <gtest/gtest.h>

#include "reporting/render/render_test_data.hpp"

namespace motcua::reporting::render {
namespace {

using testing::ReadCsv;

TEST(CsvTextFieldTest, QuotesOnlyWhenNeededAndDoublesQuotes) {
    EXPECT_EQ(CsvTextField("Đất đai"), "Đất đai");
    EXPECT_EQ(CsvTextField(""), "");
    EXPECT_EQ(CsvTextField("a,b"), "\"a,b\"");
    EXPECT_EQ(CsvTextField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(CsvTextField("line\nbreak"), "\"line\nbreak\"");
    EXPECT_EQ(CsvTextField("cr\rhere"), "\"cr\rhere\"");
}

TEST(CsvTextFieldTest, DefusesTextASpreadsheetWouldReadAsAFormula) {
    EXPECT_EQ(CsvTextField("=SUM(A1)"), "'=SUM(A1)");
    EXPECT_EQ(CsvTextField("+84"), "'+84");
    EXPECT_EQ(CsvTextField("-x"), "'-x");
    EXPECT_EQ(CsvTextField("@cmd"), "'@cmd");
    EXPECT_EQ(CsvTextField("=1,2"), "\"'=1,2\"");
    EXPECT_EQ(CsvTextField("a=b"), "a=b");
}

TEST(CsvNumberTest, ShortestRoundTripWithDecimalPoint) {
    EXPECT_EQ(CsvNumber(20), "20");
    EXPECT_EQ(CsvNumber(12.5), "12.5");
    EXPECT_EQ(CsvNumber(0), "0");
    EXPECT_EQ(std::stod(CsvNumber(1.0 / 3)), 1.0 / 3);
}

TEST(RenderCsvTest, EverySectionStartsWithBomAndUsesCrlf) {
    const MonthlyReport report = testing::SampleMonthlyReport();
    for (const ReportSection section : kAllReportSections) {
        const std::string csv = RenderCsv(report, section);
        ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << SectionCsvFileName(section);
        EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
        // Every line break outside quoted text is CRLF: strip quoted parts, then look for a
        // bare LF.
        std::string unquoted;
        bool quoted = false;
        for (const char c : csv) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                unquoted += c;
            }
        }
        for (std::size_t i = 0; i < unquoted.size(); ++i) {
            if (unquoted[i] == '\n') {
                ASSERT_TRUE(i > 0 && unquoted[i - 1] == '\r') << SectionCsvFileName(section);
            }
        }
    }
}

TEST(RenderCsvTest, EveryRecordOfASectionHasTheSameNumberOfFields) {
    const MonthlyReport report = testing::SampleMonthlyReport();
    for (const ReportSection section : kAllReportSections) {
        const auto records = ReadCsv(RenderCsv(report, section));
        ASSERT_GT(records.size(), 1u);
        for (const auto& record : records) {
            EXPECT_EQ(record.size(), records.front().size()) << SectionCsvFileName(section);
        }
    }
}

TEST(RenderCsvTest, FieldsHaveVietnameseHeadersEscapedNamesAndATotalRow) {
    const MonthlyReport report = testing::SampleMonthlyReport();
    const std::string csv = RenderCsv(report, ReportSection::kFields);
    EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3),
              "STT,Mã lĩnh vực,Tên lĩnh vực,Tổng số hồ sơ tiếp nhận,Tiếp nhận trực tuyến,"
              "Tiếp nhận trực tiếp,Tiếp nhận qua bưu chính công ích,Đã giải quyết đúng hạn,"
              "Đã giải quyết quá hạn,Đang giải quyết trong hạn,Đang giải quyết quá hạn,"
              "Đã trả kết quả,Không được tiếp nhận,Rút hồ sơ,Dừng xử lý");
    EXPECT_NE(csv.find("\r\n2,G02,\"Hộ tịch, \"\"khai sinh\"\", kết hôn\",184,120,64,0,"),
              std::string::npos);
    EXPECT_NE(csv.find("\"Xây dựng\nnhà ở\""), std::string::npos);
    EXPECT_NE(csv.find("\r\n4,G04,'=Khác,"), std::string::npos);

    const auto records = ReadCsv(csv);
    ASSERT_EQ(records.size(), 6u);  // Header, four fields, total.
    EXPECT_EQ(records[2][2], "Hộ tịch, \"khai sinh\", kết hôn");
    EXPECT_EQ(records[3][2], "Xây dựng\nnhà ở");
    const auto& total = records.back();
    EXPECT_EQ(total[2], "Tổng cộng");
    const FieldRow sums = SumFields(report.fields);
    const auto columns = FieldColumns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        EXPECT_EQ(total[3 + c], std::to_string(sums.*columns[c].member)) << columns[c].key;
    }
}

TEST(RenderCsvTest, SummaryListsTotalsRateScoreAndPlanCounts) {
    const auto records =
        ReadCsv(RenderCsv(testing::SampleMonthlyReport(), ReportSection::kSummary));
    std::map<std::string, std::string> values;
    for (const auto& record : records) {
        values[record[0]] = record[1];
    }
    EXPECT_EQ(values["Chỉ tiêu"], "Giá trị");
    EXPECT_EQ(values["Tên đơn vị"], "UBND tỉnh Thử Nghiệm");
    EXPECT_EQ(values["Kỳ báo cáo"], "2025-03");
    EXPECT_EQ(values["Tổng số hồ sơ tiếp nhận"], "280");
    EXPECT_EQ(std::stod(values["Tỷ lệ giải quyết đúng hạn (%)"]), 100.0 * 197 / 214);
    EXPECT_EQ(values["Điểm tối đa Chỉ số 766"], "100");
    EXPECT_EQ(values["Số chỉ tiêu kế hoạch có mục tiêu"], "4");
    EXPECT_EQ(values["Số chỉ tiêu kế hoạch đạt"], "2");
}

TEST(RenderCsvTest, SummaryRateIsEmptyWhenNothingFinished) {
    const auto records = ReadCsv(RenderCsv(MonthlyReport{}, ReportSection::kSummary));
    bool found = false;
    for (const auto& record : records) {
        if (record[0] == "Tỷ lệ giải quyết đúng hạn (%)") {
            EXPECT_EQ(record[1], "");
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

TEST(RenderCsvTest, IndexLeavesNoDataScoresEmptyAndEndsWithTheTotal) {
    const MonthlyReport report = testing::SampleMonthlyReport();
    const auto records = ReadCsv(RenderCsv(report, ReportSection::kIndex766));
    bool saw_no_data = false;
    for (const auto& record : records) {
        if (record[2] == "PUBLIC_UPDATE_ON_TIME") {
            EXPECT_EQ(record[6], "");  // Ratio.
            EXPECT_EQ(record[7], "");  // Score.
            EXPECT_EQ(record[9], "Không có dữ liệu");
            EXPECT_EQ(record[10], "không có dữ liệu, \"mẫu số = 0\"");
            saw_no_data = true;
        }
    }
    EXPECT_TRUE(saw_no_data);
    EXPECT_EQ(records.back()[3], "Tổng điểm");
    EXPECT_EQ(std::stod(records.back()[7]), report.index_total_score);
    EXPECT_EQ(records[1][0], "transparency");
    EXPECT_EQ(records[1][3], "Công khai, minh bạch");
}

TEST(RenderCsvTest, PlanShowsEvaluationInVietnameseAndCountsUnderTheirColumns) {
    const auto records = ReadCsv(RenderCsv(testing::SampleMonthlyReport(), ReportSection::kPlan));
    ASSERT_EQ(records.size(), 8u);  // Header, five indicators, two counts.
    EXPECT_EQ(records[1][6], "Chưa đạt");
    EXPECT_EQ(records[2][6], "Đạt");
    EXPECT_EQ(records[4][2], "");  // No target.
    EXPECT_EQ(records[4][6], "");
    EXPECT_EQ(records[5][3], "");  // No data.
    EXPECT_EQ(records[5][7], "Không có dữ liệu");
    EXPECT_EQ(records[6][1], "Số chỉ tiêu có mục tiêu");
    EXPECT_EQ(records[6][2], "4");
    EXPECT_EQ(records[7][1], "Số chỉ tiêu đạt");
    EXPECT_EQ(records[7][6], "2");
}

TEST(RenderCsvTest, SectionFileNamesAreAsciiAndTitlesVietnamese) {
    EXPECT_STREQ(SectionCsvFileName(ReportSection::kFields), "theo-linh-vuc.csv");
    EXPECT_STREQ(SectionTitleVi(ReportSection::kIndex766), "Chỉ số 766");
    for (const ReportSection section : kAllReportSections) {
        for (const char* c = SectionCsvFileName(section); *c != '\0'; ++c) {
            EXPECT_LT(static_cast<unsigned char>(*c), 0x80);
        }
    }
}

}  // namespace
}  // namespace motcua::reporting::render
