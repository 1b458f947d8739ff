#include "connectors/dvcqg/dvcqg_payload.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "common/time_format.hpp"

namespace motcua::connectors {
namespace {

using domain::DossierAction;
using domain::DossierStatus;
namespace json = boost::json;

Instant At(const char* text) { return ParseRfc3339(text).value(); }

std::shared_ptr<const services::CatalogSnapshot> MakeCatalog() {
    domain::Agency province;
    province.code = "H32";
    province.name_vi = "UBND tỉnh Khánh Hòa";
    province.kind = domain::AgencyKind::kProvince;
    domain::Agency department;
    department.code = "H32.05";
    department.name_vi = "Sở Tư pháp";
    department.parent_code = "H32";
    domain::Procedure procedure;
    procedure.code = "1.001193.000.00.00.H32";
    procedure.national_code = "1.001193";
    procedure.name_vi = "Đăng ký khai sinh";
    procedure.field_code = "HT";
    procedure.competent_agency = "H32.05";
    procedure.result = {domain::ResultKind::kDocument, "Giấy khai sinh", "Birth certificate"};
    return services::BuildCatalogSnapshot(1, {province, department},
                                          {{"HT", "Hộ tịch", "Civil status"}}, {procedure});
}

domain::Dossier MakeDossier() {
    domain::Dossier dossier;
    dossier.id = 42;
    dossier.code = "H32.05-260310-0001";
    dossier.procedure_code = "1.001193.000.00.00.H32";
    dossier.field_code = "HT";
    dossier.receiving_agency = "H32.99";
    dossier.competent_agency = "H32.05";
    dossier.current_agency = "H32.05";
    dossier.channel = domain::Channel::kDesk;
    dossier.applicant = {"citizen",    "012345678901", "Nguyễn Văn An",
                         "0905000000", "an@vd.test",   "Nha Trang"};
    dossier.status = DossierStatus::kReceived;
    dossier.submitted_at = At("2026-03-10T09:00:00+07:00");
    dossier.received_at = At("2026-03-10T09:00:00+07:00");
    dossier.due_at = At("2026-03-14T17:00:00+07:00");
    dossier.components = {{"TP1", false, "", {}}, {"TP2", false, "", {}}};
    return dossier;
}

domain::DossierEvent MakeEvent(DossierAction action, DossierStatus to, int seq = 1) {
    domain::DossierEvent event;
    event.seq = seq;
    event.at = At("2026-03-10T09:00:00+07:00");
    event.action = action;
    event.actor_login = "clerk1";
    event.agency_code = "H32.99";
    event.to = to;
    event.due_at = At("2026-03-14T17:00:00+07:00");
    return event;
}

TEST(DvcqgPayloadTest, FormatsTimesInVietnam) {
    EXPECT_EQ(FormatPortalTime(At("2026-03-10T02:04:05Z")), "20260310090405");
    // 20:30 UTC is already the next day in Vietnam.
    EXPECT_EQ(FormatPortalTime(At("2026-12-31T20:30:00Z")), "20270101033000");
    EXPECT_EQ(FormatPortalTime(At("2026-03-10T02:04:05.999999Z")), "20260310090405");
}

TEST(DvcqgPayloadTest, ParsesPortalTimes) {
    EXPECT_EQ(ParsePortalTime("20260310090405"), At("2026-03-10T02:04:05Z"));
    EXPECT_EQ(ParsePortalTime("20270101033000"), At("2026-12-31T20:30:00Z"));
    for (const char* bad :
         {"", "2026031009040", "202603100904051", "20261310090405", "20260230000000",
          "20260310240000", "20260310096000", "2026031009040x", "-0260310090405"}) {
        EXPECT_FALSE(ParsePortalTime(bad)) << bad;
    }
}

TEST(DvcqgPayloadTest, MapsTheDossierHeader) {
    const auto catalog = MakeCatalog();
    auto dossier = MakeDossier();
    const auto record = DossierRecord(dossier, *catalog);
    EXPECT_EQ(record.at("MaHoSo"), "H32.05-260310-0001");
    EXPECT_EQ(record.at("MaTTHC"), "1.001193.000.00.00.H32");
    EXPECT_EQ(record.at("TenTTHC"), "Đăng ký khai sinh");
    EXPECT_EQ(record.at("MaLinhVuc"), "HT");
    EXPECT_EQ(record.at("TenLinhVuc"), "Hộ tịch");
    EXPECT_EQ(record.at("KenhThucHien"), 1);
    EXPECT_EQ(record.at("ChuHoSo"), "Nguyễn Văn An");
    EXPECT_EQ(record.at("SoGiayToChuHoSo"), "012345678901");
    EXPECT_EQ(record.at("LoaiDoiTuong"), 1);
    EXPECT_EQ(record.at("SoDienThoai"), "0905000000");
    EXPECT_EQ(record.at("Email"), "an@vd.test");
    EXPECT_EQ(record.at("DiaChi"), "Nha Trang");
    EXPECT_EQ(record.at("DonViXuLy"), "H32.05");
    EXPECT_EQ(record.at("NoiNopHoSo"), "H32.99");
    EXPECT_EQ(record.at("NgayNopHoSo"), "20260310090000");
    EXPECT_EQ(record.at("NgayTiepNhan"), "20260310090000");
    EXPECT_EQ(record.at("NgayHenTra"), "20260314170000");
    EXPECT_EQ(record.at("TrangThaiHoSo"), 2);
    EXPECT_EQ(record.at("HinhThuc"), 0);
    EXPECT_EQ(record.at("HoSoCoThanhPhanSoHoa"), 0);
    EXPECT_EQ(record.at("DuocThanhToanTrucTuyen"), 0);
    // Dates not yet known are absent, not empty.
    for (const char* absent :
         {"NgayKetThucXuLy", "NgayTra", "NgayTuChoi", "DanhSachGiayToKetQua"}) {
        EXPECT_FALSE(record.contains(absent)) << absent;
    }
}

TEST(DvcqgPayloadTest, MapsAnOnlineDossierAwaitingReception) {
    const auto catalog = MakeCatalog();
    auto dossier = MakeDossier();
    dossier.channel = domain::Channel::kOnline;
    dossier.applicant.kind = "organisation";
    dossier.status = DossierStatus::kSubmitted;
    dossier.received_at.reset();
    dossier.due_at.reset();
    const auto record = DossierRecord(dossier, *catalog);
    EXPECT_EQ(record.at("KenhThucHien"), 2);
    EXPECT_EQ(record.at("LoaiDoiTuong"), 2);
    EXPECT_EQ(record.at("TrangThaiHoSo"), 1);
    EXPECT_TRUE(record.contains("NgayNopHoSo"));
    EXPECT_FALSE(record.contains("NgayTiepNhan"));
    EXPECT_FALSE(record.contains("NgayHenTra"));
}

TEST(DvcqgPayloadTest, MapsAFinishedAndReturnedDossier) {
    const auto catalog = MakeCatalog();
    auto dossier = MakeDossier();
    dossier.channel = domain::Channel::kPostal;
    dossier.status = DossierStatus::kReturned;
    dossier.finished_at = At("2026-03-13T10:00:00+07:00");
    dossier.returned_at = At("2026-03-13T14:00:00+07:00");
    dossier.delivery = "post";
    dossier.components[1].reuse_source = "national_store";
    dossier.fee_total = 8000;
    dossier.paid_total = 8000;
    dossier.payment_channel = "online_dvcqg";
    dossier.e_result_sha256 = std::string(64, 'a');
    const auto record = DossierRecord(dossier, *catalog);
    EXPECT_EQ(record.at("KenhThucHien"), 3);
    EXPECT_EQ(record.at("TrangThaiHoSo"), 10);
    EXPECT_EQ(record.at("NgayKetThucXuLy"), "20260313100000");
    EXPECT_EQ(record.at("NgayTra"), "20260313140000");
    EXPECT_EQ(record.at("HinhThuc"), 1);
    EXPECT_EQ(record.at("HoSoCoThanhPhanSoHoa"), 1);
    EXPECT_EQ(record.at("DuocThanhToanTrucTuyen"), 1);
    const auto& results = record.at("DanhSachGiayToKetQua").as_array();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].at("TenGiayTo"), "Giấy khai sinh");
    EXPECT_EQ(json::value_to<std::string>(results[0].at("MaGiayTo")), std::string(64, 'a'));

    dossier.payment_channel = "desk";
    dossier.components[1].reuse_source.clear();
    dossier.components[0].digitized = true;
    const auto at_desk = DossierRecord(dossier, *catalog);
    EXPECT_EQ(at_desk.at("DuocThanhToanTrucTuyen"), 0);
    EXPECT_EQ(at_desk.at("HoSoCoThanhPhanSoHoa"), 1);
}

TEST(DvcqgPayloadTest, SendsEveryStatusAsItsOwnCodeNeverNine) {
    const auto catalog = MakeCatalog();
    auto dossier = MakeDossier();
    for (const auto status : domain::kAllStatuses) {
        dossier.status = status;
        const auto record = DossierRecord(dossier, *catalog);
        EXPECT_EQ(record.at("TrangThaiHoSo"), domain::StatusCode(status));
        const auto step = StepRecord(dossier, MakeEvent(DossierAction::kForward, status));
        EXPECT_EQ(step.at("TrangThai"), domain::StatusCode(status));
    }
    // Paused, awaiting payment and stopped stay 5, 6 and 8, even with a result time known.
    dossier.finished_at = At("2026-03-13T10:00:00+07:00");
    for (const auto& [status, code] :
         {std::pair{DossierStatus::kAwaitingSupplement, 5},
          std::pair{DossierStatus::kAwaitingPayment, 6}, std::pair{DossierStatus::kStopped, 8}}) {
        dossier.status = status;
        EXPECT_EQ(DossierRecord(dossier, *catalog).at("TrangThaiHoSo"), code);
        EXPECT_EQ(StepRecord(dossier, MakeEvent(DossierAction::kStop, status)).at("TrangThai"),
                  code);
    }
}

TEST(DvcqgPayloadTest, MapsARefusalTime) {
    const auto catalog = MakeCatalog();
    auto dossier = MakeDossier();
    dossier.status = DossierStatus::kRefused;
    dossier.terminal_at = At("2026-03-10T15:30:00+07:00");
    EXPECT_EQ(DossierRecord(dossier, *catalog).at("NgayTuChoi"), "20260310153000");
}

TEST(DvcqgPayloadTest, KeepsUnknownCatalogueNamesEmpty) {
    const auto catalog = services::BuildCatalogSnapshot(1, {}, {}, {});
    const auto record = DossierRecord(MakeDossier(), *catalog);
    EXPECT_EQ(record.at("MaTTHC"), "1.001193.000.00.00.H32");
    EXPECT_EQ(record.at("TenTTHC"), "");
    EXPECT_EQ(record.at("TenLinhVuc"), "");
    auto dossier = MakeDossier();
    dossier.e_result_sha256 = std::string(64, 'b');
    // The portal wants a name for every result file.
    EXPECT_EQ(DossierRecord(dossier, *catalog).at("DanhSachGiayToKetQua").at(0).at("TenGiayTo"),
              "Kết quả giải quyết thủ tục hành chính");
}

TEST(DvcqgPayloadTest, MapsTheStep) {
    const auto dossier = MakeDossier();
    auto event = MakeEvent(DossierAction::kAccept, DossierStatus::kReceived, 3);
    event.at = At("2026-03-10T23:15:00Z");
    const auto step = StepRecord(dossier, event);
    EXPECT_EQ(step.at("MaHoSo"), "H32.05-260310-0001");
    EXPECT_EQ(step.at("NguoiXuLy"), "clerk1");
    EXPECT_EQ(step.at("ChucDanh"), "");
    EXPECT_EQ(step.at("ThoiDiemXuLy"), "20260311061500");
    EXPECT_EQ(step.at("NgayBatDau"), "20260311061500");
    EXPECT_EQ(step.at("PhongBanXuLy"), "H32.99");
    EXPECT_EQ(step.at("NoiDungXuLy"), "accept");
    EXPECT_EQ(step.at("TrangThai"), 2);
    EXPECT_EQ(step.at("NgayKetThucTheoQuyDinh"), "20260314170000");
    EXPECT_EQ(step.at("SoThuTu"), 3);
    event.due_at.reset();
    EXPECT_FALSE(StepRecord(dossier, event).contains("NgayKetThucTheoQuyDinh"));
}

TEST(DvcqgPayloadTest, PlansTheCallsOfEachEvent) {
    using enum DvcqgCall;
    const std::vector<DvcqgCall> first = {kCreateDossier, kPushStep};
    const std::vector<DvcqgCall> later = {kPushStep, kUpdateDossier};
    const std::vector<DvcqgCall> step_only = {kPushStep};
    EXPECT_EQ(PlanDvcqgCalls(DossierAction::kSubmit, true), first);
    EXPECT_EQ(PlanDvcqgCalls(DossierAction::kReceive, true), first);
    EXPECT_EQ(PlanDvcqgCalls(DossierAction::kSubmit, false), first);
    for (const auto action :
         {DossierAction::kAccept, DossierAction::kRefuse, DossierAction::kForward,
          DossierAction::kReturnStep, DossierAction::kApprove, DossierAction::kRequestSupplement,
          DossierAction::kSupplement, DossierAction::kRequestPayment, DossierAction::kPay,
          DossierAction::kExtend, DossierAction::kFinish, DossierAction::kReturnResult,
          DossierAction::kStop, DossierAction::kWithdraw, DossierAction::kDigitize,
          DossierAction::kReuse, DossierAction::kIssueEResult, DossierAction::kMarkOverdue}) {
        EXPECT_EQ(PlanDvcqgCalls(action, false), later) << domain::ActionName(action);
        // A dossier created before the connector was turned on: its first delivered event.
        EXPECT_EQ(PlanDvcqgCalls(action, true), first) << domain::ActionName(action);
    }
    for (const auto action :
         {DossierAction::kAttach, DossierAction::kRate, DossierAction::kFeedback}) {
        EXPECT_EQ(PlanDvcqgCalls(action, false), step_only) << domain::ActionName(action);
        EXPECT_EQ(PlanDvcqgCalls(action, true), first) << domain::ActionName(action);
    }
    EXPECT_TRUE(PlanDvcqgCalls(DossierAction::kSyncAck, false).empty());
    EXPECT_TRUE(PlanDvcqgCalls(DossierAction::kSyncAck, true).empty());
}

TEST(DvcqgPayloadTest, BuildsTheServiceBodies) {
    const auto catalog = MakeCatalog();
    const auto dossier = MakeDossier();
    const auto event = MakeEvent(DossierAction::kReceive, DossierStatus::kReceived);
    const services::OutboxItem item{.id = 7,
                                    .attempt = 1,
                                    .first_of_dossier = true,
                                    .dossier = dossier,
                                    .event = event,
                                    .catalog = *catalog};
    const DvcqgEnvelope envelope{"token-1", "H32"};
    // Through text, as it goes on the wire.
    const auto header = json::parse(json::serialize(PushDossierBody(item, false, envelope)));
    EXPECT_EQ(header.at("service"), "DongBoHoSoMC");
    EXPECT_EQ(header.at("session"), "token-1");
    EXPECT_EQ(header.at("madonvi"), "H32");
    EXPECT_EQ(header.at("isUpdating"), false);
    ASSERT_EQ(header.at("data").as_array().size(), 1u);
    EXPECT_EQ(header.at("data").at(0).at("MaHoSo"), "H32.05-260310-0001");
    EXPECT_EQ(PushDossierBody(item, true, envelope).at("isUpdating"), true);

    const auto step = PushStepBody(item, envelope);
    EXPECT_EQ(step.at("service"), "CapNhatTienDoHoSoMC");
    EXPECT_EQ(step.at("data").at(0).at("SoThuTu"), 1);

    const auto pull = ListPortalDossiersBody(250, envelope);
    EXPECT_EQ(pull.at("service"), "LayDanhSachHoSoDVC");
    EXPECT_EQ(pull.at("tuSoThuTu"), 250);
    const auto auth = AuthBody("motcua", "bí mật");
    EXPECT_EQ(auth.at("username"), "motcua");
    EXPECT_EQ(auth.at("password"), "bí mật");
}

}  // namespace
}  // namespace motcua::connectors
