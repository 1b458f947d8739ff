#include "domain/dossier/lifecycle.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "domain/calendar/published_schedules.hpp"
#include "domain/dossier/transitions.hpp"

namespace motcua::domain {
namespace {

const calendar::WorkingCalendar& Calendar() {
    static const auto calendar = calendar::DefaultWorkingCalendar();
    return calendar;
}

Procedure FiveDayProcedure() {
    Procedure procedure;
    procedure.code = "P";
    procedure.national_code = "1.000001";
    procedure.field_code = "civil_status";
    procedure.processing_time = {5, TimeUnit::kWorkingDays, std::nullopt};
    procedure.steps = {{"Tiếp nhận", "", StepRole::kClerk, "", 10},
                       {"Thẩm định", "", StepRole::kSpecialist, "", 60},
                       {"Phê duyệt", "", StepRole::kHead, "", 20},
                       {"Trả kết quả", "", StepRole::kClerk, "", 10}};
    procedure.components = {{"TK", "Tờ khai", "", 1, 0, true, "", ""}};
    procedure.fees = {{FeeKind::kFee, "Lệ phí", "", 50000, ""}};
    return procedure;
}

Instant At(const char* text) { return *ParseRfc3339(text); }

class LifecycleTest : public ::testing::Test {
protected:
    Outcome<ActionResult> Apply(const ActionInput& input) {
        auto result = ApplyAction(dossier_, input, procedure_, context_);
        if (result) {
            dossier_ = result.Value().dossier;
            events_.push_back(result.Value().event);
        }
        return result;
    }
    static ActionInput Input(DossierAction action, const char* at) {
        ActionInput input;
        input.action = action;
        input.at = At(at);
        return input;
    }
    std::string Due() const { return FormatVietnam(*dossier_.due_at); }

    Procedure procedure_ = FiveDayProcedure();
    calendar::OfficeHours hours_ = calendar::OfficeHours::Default();
    DeadlineContext context_{Calendar(), hours_, {}};
    Dossier dossier_ = InitializeDossier(procedure_, "H32.22333.01-250120-0001", "H32.22333.01",
                                         Channel::kOnline, {"citizen", "056095001234", "An"}, 5);
    std::vector<DossierEvent> events_;
};

TEST_F(LifecycleTest, AcceptanceStartsTheClockAndTetIsSkipped) {
    ASSERT_TRUE(Apply(Input(DossierAction::kSubmit, "2025-01-23T20:00:00+07:00")));
    EXPECT_EQ(dossier_.status, DossierStatus::kSubmitted);
    EXPECT_FALSE(dossier_.due_at);
    ASSERT_TRUE(Apply(Input(DossierAction::kAccept, "2025-01-24T09:00:00+07:00")));
    EXPECT_EQ(dossier_.status, DossierStatus::kReceived);
    // Friday 24/01/2025 + 5 working days, skipping Tết 27–31/01: due Friday 07/02/2025 17:00.
    EXPECT_EQ(Due(), "2025-02-07T17:00:00+07:00");
    EXPECT_EQ(FormatVietnam(*dossier_.steps.back().due_at), Due());
    EXPECT_EQ(events_.back().seq, 2);
    EXPECT_EQ(events_.back().from, DossierStatus::kSubmitted);
}

TEST_F(LifecycleTest, TheClockStartsAtTheReceiptNotBeforeIt) {
    // Rule: docs/domain.md §2.5 — received in office hours, the clock starts at the receipt; local
    // times have minute resolution, yet the start never precedes the receipt (09:15:42, not 09:15).
    ASSERT_TRUE(Apply(Input(DossierAction::kSubmit, "2025-03-03T08:00:00+07:00")));
    ASSERT_TRUE(Apply(Input(DossierAction::kAccept, "2025-03-04T09:15:42+07:00")));
    EXPECT_EQ(FormatVietnam(*dossier_.counting_from), "2025-03-04T09:15:42+07:00");
    EXPECT_EQ(FormatVietnam(*dossier_.received_at), "2025-03-04T09:15:42+07:00");
    // Received after the close: the next working day's opening.
    dossier_ = InitializeDossier(procedure_, "H32.22333.01-250120-0002", "H32.22333.01",
                                 Channel::kOnline, {"citizen", "056095001234", "An"}, 5);
    ASSERT_TRUE(Apply(Input(DossierAction::kSubmit, "2025-03-04T17:30:10+07:00")));
    ASSERT_TRUE(Apply(Input(DossierAction::kAccept, "2025-03-04T17:40:10+07:00")));
    EXPECT_EQ(FormatVietnam(*dossier_.counting_from), "2025-03-05T07:30:00+07:00");
}

TEST_F(LifecycleTest, SupplementationPausesTheClockAndShiftsTheDueTime) {
    ASSERT_TRUE(Apply(Input(DossierAction::kReceive, "2025-03-03T08:00:00+07:00")));  // Monday.
    EXPECT_EQ(Due(), "2025-03-10T17:00:00+07:00");
    ASSERT_TRUE(Apply(Input(DossierAction::kForward, "2025-03-03T09:00:00+07:00")));
    auto request = Input(DossierAction::kRequestSupplement, "2025-03-04T08:00:00+07:00");
    EXPECT_FALSE(Apply(request));  // Reasons are required.
    request.reasons = {"Bản sao giấy khai sinh"};
    ASSERT_TRUE(Apply(request));
    EXPECT_EQ(dossier_.status, DossierStatus::kAwaitingSupplement);
    // Two full working days later (Tue 08:00 → Thu 08:00 = 16 office hours).
    ASSERT_TRUE(Apply(Input(DossierAction::kSupplement, "2025-03-06T08:00:00+07:00")));
    EXPECT_EQ(dossier_.status, DossierStatus::kInProcessing);
    EXPECT_EQ(Due(), "2025-03-12T17:00:00+07:00");
    EXPECT_EQ(dossier_.supplement_requests, 1);
}

TEST_F(LifecycleTest, FullPathToReturnedResult) {
    ASSERT_TRUE(Apply(Input(DossierAction::kReceive, "2025-03-03T08:00:00+07:00")));
    ASSERT_TRUE(Apply(Input(DossierAction::kForward, "2025-03-03T09:00:00+07:00")));
    EXPECT_EQ(dossier_.current_step, 1);
    EXPECT_FALSE(Apply(Input(DossierAction::kApprove, "2025-03-04T09:00:00+07:00")));  // Not head.
    auto early = Input(DossierAction::kFinish, "2025-03-04T09:00:00+07:00");
    early.result_kind = "paper";
    EXPECT_EQ(Apply(early).GetError().param, "step");  // The head's step is still ahead.
    ASSERT_TRUE(Apply(Input(DossierAction::kForward, "2025-03-04T09:00:00+07:00")));
    ASSERT_TRUE(Apply(Input(DossierAction::kApprove, "2025-03-05T09:00:00+07:00")));
    EXPECT_EQ(dossier_.current_step, 3);
    auto finish = Input(DossierAction::kFinish, "2025-03-05T10:00:00+07:00");
    finish.result_kind = "paper";
    ASSERT_TRUE(Apply(finish));
    auto handover = Input(DossierAction::kReturnResult, "2025-03-06T10:00:00+07:00");
    handover.delivery = "desk";
    ASSERT_TRUE(Apply(handover));
    EXPECT_EQ(dossier_.status, DossierStatus::kReturned);
    EXPECT_EQ(ClassifyDossier(dossier_, At("2025-04-01T00:00:00Z"), std::chrono::hours(8)),
              calendar::DueState::kOnTime);  // Judged when it finished.
    auto rate = Input(DossierAction::kRate, "2025-03-06T11:00:00+07:00");
    rate.rating = "very_satisfied";
    ASSERT_TRUE(Apply(rate));
    EXPECT_EQ(events_.size(), 7U);
}

TEST_F(LifecycleTest, InvalidActionsAndFieldsAreRefusedWithoutChangingState) {
    ASSERT_TRUE(Apply(Input(DossierAction::kSubmit, "2025-03-03T08:00:00+07:00")));
    const auto before = dossier_.event_count;
    const auto finish = Apply(Input(DossierAction::kFinish, "2025-03-03T09:00:00+07:00"));
    ASSERT_FALSE(finish);
    EXPECT_EQ(finish.GetError().kind, ErrorKind::kInvalidTransition);
    EXPECT_EQ(Apply(Input(DossierAction::kRefuse, "2025-03-03T09:00:00+07:00")).GetError().param,
              "reasons");
    EXPECT_EQ(Apply(Input(DossierAction::kAccept, "2025-03-02T09:00:00+07:00")).GetError().param,
              "at");  // Before the submission.
    EXPECT_EQ(dossier_.event_count, before);
}

TEST_F(LifecycleTest, ExtensionAndOverdueMarking) {
    ASSERT_TRUE(Apply(Input(DossierAction::kReceive, "2025-03-03T08:00:00+07:00")));
    auto early_mark = Input(DossierAction::kMarkOverdue, "2025-03-10T16:00:00+07:00");
    EXPECT_FALSE(Apply(early_mark));
    ASSERT_TRUE(Apply(Input(DossierAction::kMarkOverdue, "2025-03-10T17:05:00+07:00")));
    EXPECT_EQ(FormatVietnam(*dossier_.overdue_at), "2025-03-10T17:00:00+07:00");
    EXPECT_EQ(ClassifyDossier(dossier_, At("2025-03-10T10:05:00Z"), std::chrono::hours(8)),
              calendar::DueState::kOverdue);
    auto extend = Input(DossierAction::kExtend, "2025-03-11T08:00:00+07:00");
    extend.new_due_at = At("2025-03-09T17:00:00+07:00");
    EXPECT_EQ(Apply(extend).GetError().param, "new_due_at");
    extend.new_due_at = At("2025-03-14T17:00:00+07:00");
    ASSERT_TRUE(Apply(extend));
    EXPECT_EQ(Due(), "2025-03-14T17:00:00+07:00");
    EXPECT_EQ(dossier_.extensions, 1);
}

TEST_F(LifecycleTest, FactsCheckTheirFields) {
    ASSERT_TRUE(Apply(Input(DossierAction::kReceive, "2025-03-03T08:00:00+07:00")));
    auto digitize = Input(DossierAction::kDigitize, "2025-03-03T08:10:00+07:00");
    digitize.component = "XX";
    EXPECT_EQ(Apply(digitize).GetError().param, "component");
    digitize.component = "TK";
    ASSERT_TRUE(Apply(digitize));
    EXPECT_TRUE(dossier_.components[0].digitized);
    auto pay = Input(DossierAction::kPay, "2025-03-03T08:20:00+07:00");
    pay.amount = 50000;
    pay.payment_channel = "cash";
    EXPECT_EQ(Apply(pay).GetError().param, "channel");
    pay.payment_channel = "desk";
    ASSERT_TRUE(Apply(pay));
    EXPECT_EQ(dossier_.paid_total, 50000);
    auto sync = Input(DossierAction::kSyncAck, "2025-03-03T08:30:00+07:00");
    sync.system = "dvcqg";
    ASSERT_TRUE(Apply(sync));
    EXPECT_TRUE(dossier_.synced);
}

TEST_F(LifecycleTest, APaymentIsNeverMoreThanWhatIsDue) {
    // Rule: docs/domain.md §9 — no more than the outstanding amount; nothing on a fee-free dossier.
    ASSERT_TRUE(Apply(Input(DossierAction::kReceive, "2025-03-03T08:00:00+07:00")));
    ASSERT_EQ(dossier_.fee_total, 50000);
    auto pay = Input(DossierAction::kPay, "2025-03-03T08:20:00+07:00");
    pay.payment_channel = "desk";
    pay.amount = 50001;
    EXPECT_EQ(Apply(pay).GetError().code, "payment_exceeds_due");
    pay.amount = 30000;
    ASSERT_TRUE(Apply(pay));
    pay.amount = 20001;
    EXPECT_EQ(Apply(pay).GetError().code, "payment_exceeds_due");
    pay.amount = 20000;
    ASSERT_TRUE(Apply(pay));
    EXPECT_EQ(dossier_.paid_total, 50000);
    pay.amount = 1;
    EXPECT_EQ(Apply(pay).GetError().param, "amount");
    dossier_.fee_total = 0;
    dossier_.paid_total = 0;
    const auto free = Apply(pay);
    ASSERT_FALSE(free);
    EXPECT_EQ(free.GetError().code, "no_fee_due");
}

TEST_F(LifecycleTest, AFileIsNamedOnlyByTheDossierItWasUploadedTo) {
    // Rule: a result, an attachment or a scan names only a file uploaded to this very dossier
    // (docs/security.md, files); a hash from another dossier opens nothing.
    ASSERT_TRUE(Apply(Input(DossierAction::kReceive, "2025-03-03T08:00:00+07:00")));
    ASSERT_TRUE(Apply(Input(DossierAction::kForward, "2025-03-03T09:00:00+07:00")));
    const std::string foreign(64, 'a');
    const std::string scan(64, 'b');
    auto result = Input(DossierAction::kIssueEResult, "2025-03-04T09:00:00+07:00");
    result.file_sha256 = foreign;
    const auto refused = Apply(result);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.GetError().code, "file_not_in_dossier");
    EXPECT_EQ(refused.GetError().param, "file_sha256");
    EXPECT_TRUE(dossier_.e_result_sha256.empty());
    EXPECT_TRUE(dossier_.uploaded_files.empty());
    auto digitize = Input(DossierAction::kDigitize, "2025-03-04T09:05:00+07:00");
    digitize.component = "TK";
    digitize.file_sha256 = scan;
    EXPECT_EQ(Apply(digitize).GetError().code, "file_not_in_dossier");
    EXPECT_FALSE(dossier_.components[0].digitized);
    digitize.file_origin = FileOrigin::kUpload;  // The bytes just came in for this dossier.
    ASSERT_TRUE(Apply(digitize));
    EXPECT_EQ(dossier_.uploaded_files, std::vector<std::string>{scan});
    result.file_sha256 = scan;  // Any file of the dossier may be named again.
    result.at = At("2025-03-04T09:10:00+07:00");
    ASSERT_TRUE(Apply(result));
    EXPECT_EQ(dossier_.e_result_sha256, scan);
    result.file_sha256 = "B" + std::string(63, 'b');
    EXPECT_EQ(Apply(result).GetError().param, "file_sha256");  // Not lower-case hex.
}

TEST_F(LifecycleTest, ImportedHistoryKeepsItsFileReferencesButDoesNotOwnThem) {
    ASSERT_TRUE(Apply(Input(DossierAction::kReceive, "2025-03-03T08:00:00+07:00")));
    auto digitize = Input(DossierAction::kDigitize, "2025-03-03T08:10:00+07:00");
    digitize.component = "TK";
    digitize.file_sha256 = std::string(64, 'c');
    digitize.file_origin = FileOrigin::kHistory;
    ASSERT_TRUE(Apply(digitize));
    EXPECT_EQ(dossier_.components[0].files, std::vector<std::string>{std::string(64, 'c')});
    EXPECT_TRUE(dossier_.uploaded_files.empty());  // Never served.
}

TEST_F(LifecycleTest, ADocumentOfTheDataStoreBringsItsFilesToTheComponent) {
    // Rule: a reused stored document's pages become the component's files and files of the
    // dossier (its readers may open them); only from the provincial store, with a file.
    ASSERT_TRUE(Apply(Input(DossierAction::kReceive, "2025-03-03T08:00:00+07:00")));
    const std::string page1(64, 'd');
    const std::string page2(64, 'e');
    auto reuse = Input(DossierAction::kReuse, "2025-03-03T08:10:00+07:00");
    reuse.component = "TK";
    reuse.source = "national_store";
    reuse.document = 12;
    reuse.document_files = {page1, page2};
    EXPECT_EQ(Apply(reuse).GetError().param, "source");
    reuse.source = "provincial_store";
    reuse.document_files.clear();
    EXPECT_EQ(Apply(reuse).GetError().param, "document");
    reuse.document_files = {page1, "not a hash"};
    EXPECT_EQ(Apply(reuse).GetError().param, "document");
    EXPECT_TRUE(dossier_.uploaded_files.empty());
    reuse.document_files = {page1, page2};
    ASSERT_TRUE(Apply(reuse));
    const auto& component = dossier_.components[0];
    EXPECT_EQ(component.reuse_source, "provincial_store");
    EXPECT_EQ(component.reused_document, 12);
    EXPECT_EQ(component.files, (std::vector<std::string>{page1, page2}));
    EXPECT_EQ(dossier_.uploaded_files, (std::vector<std::string>{page1, page2}));
    reuse.at = At("2025-03-03T08:20:00+07:00");
    ASSERT_TRUE(Apply(reuse));  // Again: nothing is listed twice.
    EXPECT_EQ(dossier_.components[0].files.size(), 2U);
}

}  // namespace
}  // namespace motcua::domain
