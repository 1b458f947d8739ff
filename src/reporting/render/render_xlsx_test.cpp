#include "reporting/render/render_xlsx.hpp"

#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "reporting/render/render_test_data.hpp"

namespace motcua::reporting::render {
namespace {

namespace fs = std::filesystem;

class RenderXlsxTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ =
            fs::temp_directory_path() / ("motcua-render-xlsx-test-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
};

TEST_F(RenderXlsxTest, ReturnsAZipWithFourSheetsAndCleansUp) {
    const auto bytes = RenderXlsx(testing::SampleMonthlyReport(), {.temp_parent = dir_});
    ASSERT_TRUE(bytes.HasValue()) << bytes.GetError().detail;
    EXPECT_EQ(bytes.Value().substr(0, 4), std::string("PK\x03\x04", 4));
    // Zip entry names are stored uncompressed.
    EXPECT_NE(bytes.Value().find("xl/worksheets/sheet4.xml"), std::string::npos);
    EXPECT_EQ(bytes.Value().find("xl/worksheets/sheet5.xml"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(dir_)) << "the private temporary directory is removed";
}

TEST_F(RenderXlsxTest, RendersAnEmptyReport) {
    const auto bytes = RenderXlsx(MonthlyReport{}, {.temp_parent = dir_});
    ASSERT_TRUE(bytes.HasValue()) << bytes.GetError().detail;
    EXPECT_GT(bytes.Value().size(), 1000u);
    EXPECT_TRUE(fs::is_empty(dir_));
}

TEST_F(RenderXlsxTest, MissingTemporaryParentIsUnavailable) {
    const auto bytes = RenderXlsx(MonthlyReport{}, {.temp_parent = dir_ / "missing"});
    ASSERT_FALSE(bytes.HasValue());
    EXPECT_EQ(bytes.GetError().kind, ErrorKind::kUnavailable);
    EXPECT_NE(bytes.GetError().detail.find("mkdtemp"), std::string::npos);
}

}  // namespace
}  // namespace motcua::reporting::render
