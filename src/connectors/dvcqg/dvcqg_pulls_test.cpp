#include "connectors/dvcqg/dvcqg_pulls.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"

namespace motcua::connectors {
namespace {

TEST(DvcqgPullsTest, ReadsProcedures) {
    int skipped = 0;
    const auto procedures = ParsePortalProcedures(R"({"error_code": "0", "result": [
        {"MaTTHC": "1.001193", "TenTTHC": "Đăng ký khai sinh", "MaLinhVuc": "HT",
         "TenLinhVuc": "Hộ tịch", "CoQuanThucHien": "H32.05", "ThoiHanGiaiQuyet": 5},
        {"MaTTHC": "1.000894", "TenTTHC": "Đăng ký kết hôn", "ThoiHanGiaiQuyet": "5 ngày"},
        {"TenTTHC": "no code"}, {"MaTTHC": 17}, "not an object", null]})",
                                                  skipped);
    ASSERT_TRUE(procedures) << procedures.GetError().detail;
    ASSERT_EQ(procedures.Value().size(), 3u);
    EXPECT_EQ(procedures.Value()[0].code, "1.001193");
    EXPECT_EQ(procedures.Value()[0].name_vi, "Đăng ký khai sinh");
    EXPECT_EQ(procedures.Value()[0].field_code, "HT");
    EXPECT_EQ(procedures.Value()[0].field_name_vi, "Hộ tịch");
    EXPECT_EQ(procedures.Value()[0].agency, "H32.05");
    EXPECT_EQ(procedures.Value()[0].processing_time, "5");
    EXPECT_EQ(procedures.Value()[1].processing_time, "5 ngày");
    EXPECT_EQ(procedures.Value()[1].field_code, "");
    EXPECT_EQ(procedures.Value()[2].code, "17");  // A number where text belongs, read as text.
    EXPECT_EQ(skipped, 3);
}

TEST(DvcqgPullsTest, ReadsAgencies) {
    int skipped = 0;
    const auto agencies = ParsePortalAgencies(R"({"error_code": "0", "result": [
        {"MaCoQuan": "H32", "TenCoQuan": "UBND tỉnh Khánh Hòa"},
        {"MaCoQuan": "H32.05", "TenCoQuan": "Sở Tư pháp", "MaCoQuanCha": "H32"},
        {"MaCoQuan": ""}]})",
                                              skipped);
    ASSERT_TRUE(agencies);
    ASSERT_EQ(agencies.Value().size(), 2u);
    EXPECT_EQ(agencies.Value()[0].parent_code, "");
    EXPECT_EQ(agencies.Value()[1].parent_code, "H32");
    EXPECT_EQ(skipped, 1);
}

TEST(DvcqgPullsTest, ReadsPortalDossiers) {
    const auto page = ParsePortalDossiers(R"({"error_code": "0", "result": [
        {"SoThuTu": 11, "MaHoSoQG": "G22.99-260310-0001", "MaTTHC": "1.001193",
         "MaCoQuanTiepNhan": "H32.22333.01",
         "ChuHoSo": "Trần Thị Bình", "SoGiayToChuHoSo": "079000000001", "LoaiDoiTuong": 1,
         "SoDienThoai": "0905111111", "Email": "binh@vd.test", "DiaChi": "Cam Ranh",
         "NgayNopHoSo": "20260310083000"},
        {"SoThuTu": "12", "MaHoSoQG": "G22.99-260310-0002", "LoaiDoiTuong": "2",
         "NgayNopHoSo": "yesterday"},
        {"SoThuTu": 13},
        {"SoThuTu": -1, "MaHoSoQG": "x"},
        {"SoThuTu": 1.5, "MaHoSoQG": "y"},
        {"MaHoSoQG": "z"}]})");
    ASSERT_TRUE(page) << page.GetError().detail;
    ASSERT_EQ(page.Value().dossiers.size(), 2u);
    const auto& first = page.Value().dossiers[0];
    EXPECT_EQ(first.seq, 11);
    EXPECT_EQ(first.national_code, "G22.99-260310-0001");
    EXPECT_EQ(first.procedure_code, "1.001193");
    EXPECT_EQ(first.agency_code, "H32.22333.01");
    EXPECT_EQ(first.applicant.kind, "citizen");
    EXPECT_EQ(first.applicant.name, "Trần Thị Bình");
    EXPECT_EQ(first.applicant.id_number, "079000000001");
    EXPECT_EQ(first.applicant.phone, "0905111111");
    EXPECT_EQ(first.applicant.email, "binh@vd.test");
    EXPECT_EQ(first.applicant.address, "Cam Ranh");
    EXPECT_EQ(first.submitted_at, ParseRfc3339("2026-03-10T01:30:00Z"));
    const auto& second = page.Value().dossiers[1];
    EXPECT_EQ(second.seq, 12);
    EXPECT_EQ(second.applicant.kind, "organisation");
    EXPECT_FALSE(second.submitted_at);
    EXPECT_EQ(second.agency_code, "");
    EXPECT_EQ(page.Value().skipped, 4);
    EXPECT_EQ(page.Value().last_seq, 13);  // Row 13 lacks its code: skipped, not pulled again.
}

TEST(DvcqgPullsTest, ReadsAnEmptyPage) {
    const auto page = ParsePortalDossiers(R"({"error_code": "0", "result": []})");
    ASSERT_TRUE(page);
    EXPECT_TRUE(page.Value().dossiers.empty());
    EXPECT_EQ(page.Value().last_seq, 0);
}

TEST(DvcqgPullsTest, FailsOnAnswersThatAreNotSuccessWithAResultArray) {
    for (const char* body :
         {"", "nope", "[]", R"({"error_code": "-9", "message": "Phiên làm việc hết hạn"})",
          R"({"error_code": "0"})", R"({"error_code": "0", "result": {}})",
          R"({"error_code": "0", "result": "[]"})", R"({"error_code": 0, "result": []})"}) {
        const auto page = ParsePortalDossiers(body);
        ASSERT_FALSE(page) << body;
        EXPECT_EQ(page.GetError().kind, ErrorKind::kUnavailable);
        EXPECT_NE(page.GetError().detail.find("LayDanhSachHoSoDVC"), std::string::npos);
        int skipped = 0;
        EXPECT_FALSE(ParsePortalProcedures(body, skipped)) << body;
        EXPECT_FALSE(ParsePortalAgencies(body, skipped)) << body;
    }
}

}  // namespace
}  // namespace motcua::connectors
