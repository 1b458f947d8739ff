#include "reporting/render/render_json.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "reporting/render/render_test_data.hpp"

namespace motcua::reporting::render {
namespace {

using boost::json::value;

value Parsed(const MonthlyReport& report) { return boost::json::parse(RenderJson(report)); }

TEST(RenderJsonTest, CarriesAgencyPeriodAndVietnameseTextAsUtf8) {
    const MonthlyReport report = testing::SampleMonthlyReport();
    const std::string text = RenderJson(report);
    EXPECT_NE(text.find("UBND tỉnh Thử Nghiệm"), std::string::npos) << "raw UTF-8, not \\u";
    const value json = boost::json::parse(text);
    EXPECT_EQ(json.at("agency").at("code").as_string(), "000.00.00.H99");
    EXPECT_EQ(json.at("agency").at("name_vi").as_string(), "UBND tỉnh Thử Nghiệm");
    EXPECT_EQ(json.at("period").as_string(), "2025-03");
    EXPECT_EQ(json.at("generated_at").as_string(), "2025-04-01T08:00:00+07:00");
}

TEST(RenderJsonTest, EscapesQuotesAndNewlinesAndReadsThemBack) {
    const value json = Parsed(testing::SampleMonthlyReport());
    const auto& fields = json.at("fields").as_array();
    ASSERT_EQ(fields.size(), 4u);
    EXPECT_EQ(fields[1].at("name_vi").as_string(), "Hộ tịch, \"khai sinh\", kết hôn");
    EXPECT_EQ(fields[2].at("name_vi").as_string(), "Xây dựng\nnhà ở");
    EXPECT_NE(RenderJson(testing::SampleMonthlyReport()).find(R"(\"khai sinh\")"),
              std::string::npos);
}

TEST(RenderJsonTest, SummaryAndFieldTotalsAreTheSumsOfTheFieldRows) {
    const MonthlyReport report = testing::SampleMonthlyReport();
    const value json = Parsed(report);
    const FieldRow total = SumFields(report.fields);
    for (const auto& column : FieldColumns()) {
        EXPECT_EQ(json.at("summary").at(column.key).as_int64(), total.*column.member) << column.key;
        EXPECT_EQ(json.at("fields_total").at(column.key).as_int64(), total.*column.member);
    }
    EXPECT_EQ(json.at("summary").at("received").as_int64(), 280);
    EXPECT_EQ(json.at("fields_total").at("name_vi").as_string(), "Tổng cộng");
    EXPECT_FALSE(json.at("fields_total").as_object().contains("field_code"));
    EXPECT_DOUBLE_EQ(json.at("summary").at("on_time_rate").to_number<double>(), 100.0 * 197 / 214);
    EXPECT_EQ(json.at("summary").at("plan_with_target").as_int64(), 4);
    EXPECT_EQ(json.at("summary").at("plan_met").as_int64(), 2);
}

TEST(RenderJsonTest, IndexKeepsUnroundedScoresAndNoDataAsNull) {
    const MonthlyReport report = testing::SampleMonthlyReport();
    const value json = Parsed(report);
    const auto& index = json.at("index_766");
    EXPECT_DOUBLE_EQ(index.at("total_score").to_number<double>(), report.index_total_score);
    EXPECT_TRUE(index.at("max_score").is_int64()) << "written 100, not 1E2";
    EXPECT_DOUBLE_EQ(index.at("max_score").to_number<double>(), 100);
    const auto& groups = index.at("groups").as_array();
    ASSERT_EQ(groups.size(), 6u);
    EXPECT_EQ(groups[1].at("code").as_string(), "dvc-progress-tree");
    EXPECT_DOUBLE_EQ(groups[1].at("score").to_number<double>(), 20.0 * 263 / 281);
    EXPECT_DOUBLE_EQ(groups[3].at("score").to_number<double>(), 10) << "capped";
    const auto& update = groups[0].at("metrics").as_array()[1];
    EXPECT_EQ(update.at("code").as_string(), "PUBLIC_UPDATE_ON_TIME");
    EXPECT_EQ(update.at("status").as_string(), "no_data");
    EXPECT_TRUE(update.at("ratio").is_null());
    EXPECT_TRUE(update.at("score").is_null());
    EXPECT_EQ(update.at("note").as_string(), "không có dữ liệu, \"mẫu số = 0\"");
}

TEST(RenderJsonTest, PlanMetIsNullWithoutTargetAndActualIsNullWithoutData) {
    const value json = Parsed(testing::SampleMonthlyReport());
    const auto& plan = json.at("plan").as_array();
    ASSERT_EQ(plan.size(), 5u);
    EXPECT_FALSE(plan[0].at("met").as_bool());  // 76.9% < 80%.
    EXPECT_TRUE(plan[2].at("met").as_bool());
    EXPECT_TRUE(plan[3].at("target").is_null());
    EXPECT_TRUE(plan[3].at("met").is_null());
    EXPECT_EQ(plan[4].at("status").as_string(), "no_data");
    EXPECT_TRUE(plan[4].at("actual").is_null());
    EXPECT_TRUE(plan[4].at("met").is_null());
}

TEST(RenderJsonTest, EmptyReportHasZeroCountsAndNullRate) {
    const value json = Parsed(MonthlyReport{});
    EXPECT_EQ(json.at("summary").at("received").as_int64(), 0);
    EXPECT_TRUE(json.at("summary").at("on_time_rate").is_null());
    EXPECT_TRUE(json.at("generated_at").is_null());
    EXPECT_TRUE(json.at("fields").as_array().empty());
    EXPECT_TRUE(json.at("plan").as_array().empty());
}

}  // namespace
}  // namespace motcua::reporting::render
