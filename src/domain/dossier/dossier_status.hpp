// The dossier statuses are the national codes used with the national portal (TrangThaiHoSo,
// docs/domain.md §2.2): the enum's values are those codes, so storage and sync use them as they
// are. Dossier actions are the domain's verbs (docs/dossiers.md §2), shared by the API, the events,
// the history import and the indicators.
#pragma once

#include <optional>
#include <string_view>

namespace motcua::domain {

enum class DossierStatus {
    kSubmitted = 1,           // Mới đăng ký: submitted online, awaiting reception.
    kReceived = 2,            // Được tiếp nhận: accepted, receipt slip issued.
    kRefused = 3,             // Không được tiếp nhận (terminal).
    kInProcessing = 4,        // Đang xử lý.
    kAwaitingSupplement = 5,  // Yêu cầu bổ sung giấy tờ: the clock is paused.
    kAwaitingPayment = 6,     // Yêu cầu thực hiện nghĩa vụ tài chính.
    kWithdrawn = 7,           // Công dân yêu cầu rút hồ sơ (terminal).
    kStopped = 8,             // Dừng xử lý (terminal).
    kFinished = 9,            // Đã xử lý xong: the result exists.
    kReturned = 10,           // Đã trả kết quả.
};

inline constexpr DossierStatus kAllStatuses[] = {
    DossierStatus::kSubmitted,
    DossierStatus::kReceived,
    DossierStatus::kRefused,
    DossierStatus::kInProcessing,
    DossierStatus::kAwaitingSupplement,
    DossierStatus::kAwaitingPayment,
    DossierStatus::kWithdrawn,
    DossierStatus::kStopped,
    DossierStatus::kFinished,
    DossierStatus::kReturned,
};

enum class DossierAction {
    kSubmit,             // Online submission (creates the dossier in status 1).
    kReceive,            // Walk-in or postal dossier received at the desk (creates it in 2).
    kAccept,             // Reception decision on an online dossier: receipt slip.
    kRefuse,             // Reception decision: refusal slip with reasons.
    kForward,            // To the next internal step or another agency (liên thông).
    kReturnStep,         // Back to the previous step.
    kApprove,            // A head completes their step (approves, signs).
    kRequestSupplement,  // Yêu cầu bổ sung: pauses the clock.
    kSupplement,         // The applicant supplements: the clock resumes, due dates shift.
    kRequestPayment,     // Financial obligation.
    kPay,                // A payment (channel, amount).
    kExtend,             // Apology and extension with a new due date.
    kFinish,             // Result produced.
    kReturnResult,       // Result delivered (desk, post, online).
    kStop,               // Stopped at the applicant's request (Thông báo dừng).
    kWithdraw,           // Withdrawn by the applicant.
    kDigitize,           // Fact: the desk scanned a paper component (số hóa).
    kAttach,             // Fact: the applicant attached a file to a component.
    kReuse,              // Fact: a component was taken from a data store.
    kIssueEResult,       // Fact: an electronic result was issued (file hash).
    kSyncAck,            // Fact: a national system acknowledged the dossier.
    kRate,               // Fact: the applicant's satisfaction rating.
    kFeedback,           // Fact: a feedback/petition (PAKN) linked to the dossier.
    kMarkOverdue,        // Fact recorded by the system when the due date passed.
};

inline constexpr DossierAction kAllActions[] = {
    DossierAction::kSubmit,     DossierAction::kReceive,
    DossierAction::kAccept,     DossierAction::kRefuse,
    DossierAction::kForward,    DossierAction::kReturnStep,
    DossierAction::kApprove,    DossierAction::kRequestSupplement,
    DossierAction::kSupplement, DossierAction::kRequestPayment,
    DossierAction::kPay,        DossierAction::kExtend,
    DossierAction::kFinish,     DossierAction::kReturnResult,
    DossierAction::kStop,       DossierAction::kWithdraw,
    DossierAction::kDigitize,   DossierAction::kAttach,
    DossierAction::kReuse,      DossierAction::kIssueEResult,
    DossierAction::kSyncAck,    DossierAction::kRate,
    DossierAction::kFeedback,   DossierAction::kMarkOverdue,
};

/// Returns the national code of `status` (1–10).
constexpr int StatusCode(DossierStatus status) { return static_cast<int>(status); }
/// Returns the status with national code `code`, or nullopt.
std::optional<DossierStatus> StatusFromCode(int code);
const char* StatusNameVi(DossierStatus status);
const char* StatusName(DossierStatus status);
const char* ActionName(DossierAction action);
std::optional<DossierAction> ParseAction(std::string_view name);
/// Returns true for statuses in which the dossier's life has ended (3, 7, 8, 10).
bool IsTerminal(DossierStatus status);
/// Returns true while the legal clock runs (2, 4, 6): only then can a dossier become overdue.
bool IsClockRunning(DossierStatus status);

}  // namespace motcua::domain
