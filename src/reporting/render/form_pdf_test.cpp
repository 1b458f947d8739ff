#include "reporting/render/form_pdf.hpp"

#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace motcua::reporting::render {
namespace {

using boost::json::array;
using boost::json::object;

object Labels() {
    return {{"dossier_code", {{"vi", "Mã hồ sơ"}, {"en", "Dossier code"}}},
            {"received_at", {{"vi", "Thời gian tiếp nhận"}, {"en", "Received at"}}},
            {"lookup_url", {{"vi", "Tra cứu tình trạng hồ sơ"}, {"en", "Look up"}}},
            {"rows.agency", {{"vi", "Tên cơ quan"}, {"en", "Agency"}}}};
}

object Form(const char* name, std::size_t rows) {
    object form{{"form", name},
                {"form_number", "06"},
                {"template_vi", "Mẫu số 06, Phụ lục I, Thông tư số 03/2025/TT-VPCP"},
                {"title_vi", "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
                {"national_motto_vi",
                 array{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}},
                {"issuer", {{"code", "H32.22333"}, {"name_vi", "UBND phường Bắc Nha Trang"}}},
                {"number", "H32.22333-260310-0001"},
                {"dossier_code", "H32.22333-260310-0001"},
                {"procedure", {{"code", "P1"}, {"name_vi", "Đăng ký khai sinh"}}},
                {"applicant", {{"name", "Nguyễn Thị Hường"}, {"id_number", "012345678901"}}},
                {"received_at", "2026-03-10T09:00:00+07:00"},
                {"lookup_url", "https://dvc.example.vn/tra-cuu?ma=H32.22333-260310-0001"},
                {"labels", Labels()}};
    array list;
    for (std::size_t i = 0; i < rows; ++i) {
        list.push_back(object{{"agency", {{"name_vi", "UBND phường Bắc Nha Trang"}}},
                              {"time", "09:00"},
                              {"date", "10/03/2026"},
                              {"giver_login", "tiepnhan.bnt"},
                              {"receiver_login", "chuyenvien.bnt"},
                              {"result_vi", "Đúng hạn"},
                              {"note", "Chuyển bước " + std::to_string(i + 1)}});
    }
    form["rows"] = std::move(list);
    return form;
}

std::size_t Count(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

TEST(FormPdfTest, AFormIsOnePdfFileAndTheSameDataGivesTheSameBytes) {
    const auto first = RenderFormPdf(Form("control_slip", 3));
    const auto second = RenderFormPdf(Form("control_slip", 3));
    ASSERT_TRUE(first.HasValue());
    ASSERT_TRUE(second.HasValue());
    const std::string& pdf = first.Value();
    EXPECT_EQ(pdf.rfind("%PDF-1.", 0), 0U);
    EXPECT_NE(pdf.find("%%EOF", pdf.size() - 8), std::string::npos);
    EXPECT_EQ(pdf, second.Value()) << "no clock in the file";
    EXPECT_EQ(Count(pdf, "/Type /Page\n") + Count(pdf, "/Type /Page "), 1U);
    // The creation date is the form's, Vietnam time (cairo writes it without the "D:").
    EXPECT_NE(pdf.find("/CreationDate (20260310090000+07'00)"), std::string::npos);
    EXPECT_NE(pdf.find("NotoSerif"), std::string::npos) << "the Noto font is embedded";
    EXPECT_EQ(pdf.find("DejaVu"), std::string::npos) << "no fallback font was needed";
}

TEST(FormPdfTest, ALongControlSlipGoesOnOverPages) {
    const auto short_slip = RenderFormPdf(Form("control_slip", 2));
    const auto long_slip = RenderFormPdf(Form("control_slip", 120));
    ASSERT_TRUE(short_slip.HasValue());
    ASSERT_TRUE(long_slip.HasValue());
    const auto pages = [](const std::string& pdf) {
        return Count(pdf, "/Type /Page\n") + Count(pdf, "/Type /Page ");
    };
    EXPECT_EQ(pages(short_slip.Value()), 1U);
    EXPECT_GE(pages(long_slip.Value()), 3U);
}

TEST(FormPdfTest, MissingFieldsAreLeftOutNotCrashedOn) {
    const auto bare = RenderFormPdf(object{{"form", "receipt"}});
    ASSERT_TRUE(bare.HasValue());
    EXPECT_EQ(bare.Value().rfind("%PDF-1.", 0), 0U);
    object odd = Form("receipt", 0);
    odd["components"] = array{1, "x", object{{"name_vi", 7}}};
    odd["labels"] = "none";
    odd["national_motto_vi"] = object{};
    EXPECT_TRUE(RenderFormPdf(odd).HasValue());
}

}  // namespace
}  // namespace motcua::reporting::render
