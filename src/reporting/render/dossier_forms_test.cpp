#include "reporting/render/dossier_forms.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "common/time_format.hpp"

namespace motcua::reporting::render {
namespace {

using domain::DossierAction;
using domain::DossierEvent;
using domain::DossierStatus;

Instant At(const char* text) { return ParseRfc3339(text).value(); }

domain::Procedure MakeProcedure() {
    domain::Procedure procedure;
    procedure.code = "P1";
    procedure.national_code = "1.001193";
    procedure.name_vi = "Đăng ký khai sinh";
    procedure.name_en = "Birth registration";
    procedure.components = {{"TP1", "Tờ khai đăng ký khai sinh", "Birth form", 1, 0, true, "", ""},
                            {"TP2", "Giấy chứng sinh", "Birth certificate", 1, 2, true, "", ""}};
    return procedure;
}

DossierEvent Event(int seq, const char* at, DossierAction action, const char* login,
                   std::optional<Instant> due = std::nullopt, std::string payload = "{}") {
    DossierEvent event;
    event.seq = seq;
    event.at = At(at);
    event.action = action;
    event.actor_login = login;
    event.agency_code = "H32.22333";
    event.payload_json = std::move(payload);
    event.due_at = due;
    return event;
}

class DossierFormsTest : public ::testing::Test {
protected:
    DossierFormsTest() {
        dossier_.code = "H32.22333-260310-0001";
        dossier_.procedure_code = "P1";
        dossier_.receiving_agency = "H32.22333";
        dossier_.current_agency = "H32.22333";
        dossier_.channel = domain::Channel::kDesk;
        dossier_.applicant = {"citizen", "012345678901", "Nguyễn Văn An", "0905000000",
                              "",        "Nha Trang"};
        dossier_.status = DossierStatus::kReturned;
        dossier_.received_at = At("2026-03-10T09:00:00+07:00");
        dossier_.due_at = At("2026-03-14T17:00:00+07:00");
        dossier_.steps = {
            {"Tiếp nhận", domain::StepRole::kClerk, "H32.22333", At("2026-03-10T17:00:00+07:00")},
            {"Thẩm định", domain::StepRole::kSpecialist, "H32.22333",
             At("2026-03-12T17:00:00+07:00")},
            {"Phê duyệt", domain::StepRole::kHead, "H32.22333", At("2026-03-14T17:00:00+07:00")}};
        dossier_.components = {{"TP1", true, "", {"aa", "bb"}}, {"TP2", false, "", {}}};
        const auto due = At("2026-03-14T17:00:00+07:00");
        events_ = {
            Event(1, "2026-03-10T09:00:00+07:00", DossierAction::kReceive, "clerk1", due),
            Event(2, "2026-03-10T10:00:00+07:00", DossierAction::kDigitize, "clerk1", due),
            Event(3, "2026-03-10T10:05:00+07:00", DossierAction::kForward, "clerk1", due),
            Event(4, "2026-03-13T08:00:00+07:00", DossierAction::kForward, "spec1", due,
                  R"({"note": "Đủ điều kiện"})"),
            Event(5, "2026-03-13T09:00:00+07:00", DossierAction::kApprove, "head1", due),
            Event(6, "2026-03-13T10:00:00+07:00", DossierAction::kFinish, "head1", due),
            Event(7, "2026-03-13T14:00:00+07:00", DossierAction::kReturnResult, "clerk2", due),
        };
    }

    Outcome<boost::json::object> Build(FormKind kind) {
        return BuildForm(kind, {dossier_,
                                events_,
                                procedure_,
                                [](const std::string& code) {
                                    return code == "H32.22333"
                                               ? std::string("UBND phường Bắc Nha Trang")
                                               : std::string{};
                                },
                                {"https://dichvucong.example.vn/"}});
    }

    void ExpectNotAvailable(FormKind kind) {
        auto form = Build(kind);
        ASSERT_FALSE(form.HasValue()) << FormKindName(kind);
        EXPECT_EQ(form.GetError().kind, ErrorKind::kConflict);
        EXPECT_EQ(form.GetError().code, "form_not_available");
        EXPECT_EQ(form.GetError().param, FormKindName(kind));
    }

    domain::Procedure procedure_ = MakeProcedure();
    domain::Dossier dossier_;
    std::vector<DossierEvent> events_;
};

TEST(FormKindTest, NamesRoundTrip) {
    for (const auto kind : kAllForms) {
        EXPECT_EQ(ParseFormKind(FormKindName(kind)), kind);
    }
    EXPECT_EQ(ParseFormKind("receipt"), FormKind::kReceipt);
    EXPECT_EQ(ParseFormKind("control_slip"), FormKind::kControlSlip);
    EXPECT_FALSE(ParseFormKind("Receipt").has_value());
    EXPECT_FALSE(ParseFormKind("").has_value());
}

TEST(HandOverTest, ComparesWithTheDueTimeOnVietnameseDates) {
    const auto due = At("2026-03-11T17:00:00+07:00");
    EXPECT_EQ(ClassifyHandOver(At("2026-03-10T23:30:00+07:00"), due), HandOverResult::kEarly);
    // 06:00 in Vietnam is still the previous day in UTC: the local date decides.
    EXPECT_EQ(ClassifyHandOver(At("2026-03-11T06:00:00+07:00"), due), HandOverResult::kOnTime);
    EXPECT_EQ(ClassifyHandOver(due, due), HandOverResult::kOnTime);
    EXPECT_EQ(ClassifyHandOver(At("2026-03-11T17:01:00+07:00"), due), HandOverResult::kLate);
    EXPECT_EQ(ClassifyHandOver(At("2026-03-12T08:00:00+07:00"), due), HandOverResult::kLate);
}

TEST_F(DossierFormsTest, ReceiptListsComponentsAppointmentOfficerAndLookupLink) {
    auto form = Build(FormKind::kReceipt);
    ASSERT_TRUE(form.HasValue());
    const auto& receipt = form.Value();
    EXPECT_EQ(receipt.at("form"), "receipt");
    EXPECT_EQ(receipt.at("form_number"), "01");
    EXPECT_EQ(receipt.at("title_vi"), "Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
    EXPECT_EQ(receipt.at("number"), "H32.22333-260310-0001");
    EXPECT_EQ(receipt.at("issuer").at("name_vi"), "UBND phường Bắc Nha Trang");
    EXPECT_EQ(receipt.at("applicant").at("name"), "Nguyễn Văn An");
    EXPECT_EQ(receipt.at("procedure").at("name_vi"), "Đăng ký khai sinh");
    EXPECT_EQ(receipt.at("received_at"), "2026-03-10T09:00:00+07:00");
    EXPECT_EQ(receipt.at("appointment_at"), "2026-03-14T17:00:00+07:00");
    EXPECT_EQ(receipt.at("receiving_officer_login"), "clerk1");
    EXPECT_EQ(receipt.at("lookup_url"),
              "https://dichvucong.example.vn/tra-cuu?ma=H32.22333-260310-0001");
    const auto& components = receipt.at("components").as_array();
    ASSERT_EQ(components.size(), 2u);
    EXPECT_EQ(components[1].at("code"), "TP2");
    EXPECT_EQ(components[1].at("originals"), 1);
    EXPECT_EQ(components[1].at("copies"), 2);
    EXPECT_EQ(components[0].at("digitized"), true);
    EXPECT_EQ(components[0].at("files"), 2);
    EXPECT_EQ(receipt.at("labels").at("appointment_at").at("vi"), "Thời gian hẹn trả kết quả");
    EXPECT_EQ(receipt.at("labels").at("appointment_at").at("en"), "Appointment to return result");
}

TEST_F(DossierFormsTest, ReceiptKeepsTheOriginalAppointmentAfterAnExtension) {
    events_[0].due_at = At("2026-03-13T17:00:00+07:00");
    auto form = Build(FormKind::kReceipt);
    ASSERT_TRUE(form.HasValue());
    EXPECT_EQ(form.Value().at("appointment_at"), "2026-03-13T17:00:00+07:00");
}

TEST_F(DossierFormsTest, ReceiptAndControlSlipNeedAReceivedDossier) {
    dossier_.status = DossierStatus::kSubmitted;
    dossier_.received_at.reset();
    events_ = {Event(1, "2026-03-10T09:00:00+07:00", DossierAction::kSubmit, "012345678901")};
    ExpectNotAvailable(FormKind::kReceipt);
    ExpectNotAvailable(FormKind::kControlSlip);
}

TEST_F(DossierFormsTest, ControlSlipHasOneRowPerHandOverWithItsResult) {
    auto form = Build(FormKind::kControlSlip);
    ASSERT_TRUE(form.HasValue());
    const auto& rows = form.Value().at("rows").as_array();
    ASSERT_EQ(rows.size(), 3u);  // Two forwards and the result; the last approval moves nothing.

    EXPECT_EQ(rows[0].at("step"), "Tiếp nhận");
    EXPECT_EQ(rows[0].at("to_step"), "Thẩm định");
    EXPECT_EQ(rows[0].at("agency").at("name_vi"), "UBND phường Bắc Nha Trang");
    EXPECT_EQ(rows[0].at("time"), "10:05");
    EXPECT_EQ(rows[0].at("date"), "10/03/2026");
    EXPECT_EQ(rows[0].at("giver_login"), "clerk1");
    EXPECT_EQ(rows[0].at("receiver_login"), "spec1");
    EXPECT_EQ(rows[0].at("step_due_at"), "2026-03-10T17:00:00+07:00");
    EXPECT_EQ(rows[0].at("result"), "on_time");
    EXPECT_EQ(rows[0].at("result_vi"), "Đúng hạn");

    EXPECT_EQ(rows[1].at("step"), "Thẩm định");
    EXPECT_EQ(rows[1].at("giver_login"), "spec1");
    EXPECT_EQ(rows[1].at("receiver_login"), "head1");
    EXPECT_EQ(rows[1].at("result"), "late");
    EXPECT_EQ(rows[1].at("result_vi"), "Quá hạn");
    EXPECT_EQ(rows[1].at("note"), "Đủ điều kiện");

    EXPECT_EQ(rows[2].at("kind"), "result");
    EXPECT_EQ(rows[2].at("step"), "Phê duyệt");
    EXPECT_TRUE(rows[2].at("to_step").is_null());
    EXPECT_EQ(rows[2].at("giver_login"), "head1");
    EXPECT_EQ(rows[2].at("receiver_login"), "clerk2");
    EXPECT_EQ(rows[2].at("result"), "early");
    EXPECT_EQ(rows[2].at("result_vi"), "Trước hạn");
    EXPECT_EQ(form.Value().at("labels").at("rows.giver_login").at("vi"), "Người giao");
}

TEST_F(DossierFormsTest, ControlSlipFollowsAStepReturnedBack) {
    dossier_.status = DossierStatus::kInProcessing;
    events_.resize(3);
    events_.push_back(Event(4, "2026-03-11T08:00:00+07:00", DossierAction::kReturnStep, "spec1"));
    events_.push_back(Event(5, "2026-03-11T09:00:00+07:00", DossierAction::kForward, "clerk1"));
    auto form = Build(FormKind::kControlSlip);
    ASSERT_TRUE(form.HasValue());
    const auto& rows = form.Value().at("rows").as_array();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].at("kind"), "return");
    EXPECT_EQ(rows[1].at("step"), "Thẩm định");
    EXPECT_EQ(rows[1].at("to_step"), "Tiếp nhận");
    EXPECT_EQ(rows[1].at("receiver_login"), "clerk1");
    EXPECT_EQ(rows[1].at("result"), "early");
    EXPECT_EQ(rows[2].at("step"), "Tiếp nhận");
    EXPECT_EQ(rows[2].at("result"), "late");              // Step 1 was due on the 10th.
    EXPECT_TRUE(rows[2].at("receiver_login").is_null());  // Nobody has acted since.
}

TEST_F(DossierFormsTest, RefusalNeedsARefusedDossierAndShowsItsReasons) {
    ExpectNotAvailable(FormKind::kRefusal);
    dossier_.status = DossierStatus::kRefused;
    dossier_.received_at.reset();
    dossier_.submitted_at = At("2026-03-09T20:00:00+07:00");
    events_ = {Event(1, "2026-03-09T20:00:00+07:00", DossierAction::kSubmit, "012345678901"),
               Event(2, "2026-03-10T08:30:00+07:00", DossierAction::kRefuse, "clerk1", std::nullopt,
                     R"({"reasons": ["Không thuộc thẩm quyền", "Thiếu tờ khai"]})")};
    auto form = Build(FormKind::kRefusal);
    ASSERT_TRUE(form.HasValue());
    const auto& refusal = form.Value().at("refusal");
    EXPECT_EQ(refusal.at("officer_login"), "clerk1");
    EXPECT_EQ(refusal.at("at"), "2026-03-10T08:30:00+07:00");
    ASSERT_EQ(refusal.at("reasons").as_array().size(), 2u);
    EXPECT_EQ(refusal.at("reasons").as_array()[1], "Thiếu tờ khai");
    EXPECT_EQ(form.Value().at("submitted_at"), "2026-03-09T20:00:00+07:00");
    EXPECT_EQ(form.Value().at("title_vi"), "Phiếu từ chối tiếp nhận giải quyết hồ sơ");
}

TEST_F(DossierFormsTest, SupplementRequestShowsTheLatestRequest) {
    ExpectNotAvailable(FormKind::kSupplementRequest);
    events_.resize(3);
    events_.push_back(Event(4, "2026-03-11T08:00:00+07:00", DossierAction::kRequestSupplement,
                            "spec1", std::nullopt, R"({"reasons": ["Bản sao giấy chứng sinh"]})"));
    events_.push_back(Event(5, "2026-03-12T08:00:00+07:00", DossierAction::kSupplement, "clerk1"));
    events_.push_back(Event(
        6, "2026-03-12T09:00:00+07:00", DossierAction::kRequestSupplement, "spec1", std::nullopt,
        R"({"reasons": ["Giấy tờ tùy thân"], "note": "Bổ sung trong 5 ngày"})"));
    auto form = Build(FormKind::kSupplementRequest);
    ASSERT_TRUE(form.HasValue());
    EXPECT_EQ(form.Value().at("request_ordinal"), 2);
    const auto& request = form.Value().at("request");
    EXPECT_EQ(request.at("reasons").as_array().at(0), "Giấy tờ tùy thân");
    EXPECT_EQ(request.at("note"), "Bổ sung trong 5 ngày");
    EXPECT_EQ(request.at("officer_login"), "spec1");
    EXPECT_EQ(request.at("at"), "2026-03-12T09:00:00+07:00");
}

TEST_F(DossierFormsTest, ExtensionShowsTheOldAndNewDueTimes) {
    ExpectNotAvailable(FormKind::kExtension);
    events_.resize(3);
    events_.push_back(Event(4, "2026-03-14T16:00:00+07:00", DossierAction::kExtend, "spec1",
                            At("2026-03-18T17:00:00+07:00"),
                            R"({"note": "Chờ xác minh của cơ quan khác"})"));
    dossier_.extensions = 1;
    auto form = Build(FormKind::kExtension);
    ASSERT_TRUE(form.HasValue());
    EXPECT_EQ(form.Value().at("old_due_at"), "2026-03-14T17:00:00+07:00");
    EXPECT_EQ(form.Value().at("new_due_at"), "2026-03-18T17:00:00+07:00");
    EXPECT_EQ(form.Value().at("extension").at("note"), "Chờ xác minh của cơ quan khác");
    EXPECT_EQ(form.Value().at("extension_count"), 1);
}

TEST_F(DossierFormsTest, StopNoticeNeedsAStoppedDossier) {
    ExpectNotAvailable(FormKind::kStopNotice);
    dossier_.status = DossierStatus::kStopped;
    events_.resize(3);
    events_.push_back(Event(4, "2026-03-11T10:00:00+07:00", DossierAction::kStop, "clerk1",
                            std::nullopt, R"({"reasons": ["Người nộp đề nghị dừng"]})"));
    auto form = Build(FormKind::kStopNotice);
    ASSERT_TRUE(form.HasValue());
    EXPECT_EQ(form.Value().at("stop").at("reasons").as_array().at(0), "Người nộp đề nghị dừng");
    EXPECT_EQ(form.Value().at("form_number"), "05");
}

TEST_F(DossierFormsTest, UnreadablePayloadsGiveEmptyReasonsNotErrors) {
    dossier_.status = DossierStatus::kStopped;
    events_.push_back(Event(8, "2026-03-13T15:00:00+07:00", DossierAction::kStop, "clerk1",
                            std::nullopt, "not json"));
    auto form = Build(FormKind::kStopNotice);
    ASSERT_TRUE(form.HasValue());
    EXPECT_TRUE(form.Value().at("stop").at("reasons").as_array().empty());
}

}  // namespace
}  // namespace motcua::reporting::render
