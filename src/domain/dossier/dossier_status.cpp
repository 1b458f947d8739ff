#include "domain/dossier/dossier_status.hpp"

#include "common/name_table.hpp"
#include "domain/dossier/transitions.hpp"

namespace motcua::domain {
namespace {

constexpr NameTable<DossierStatus, 10> kStatusNames{{
    {DossierStatus::kSubmitted, "submitted"},
    {DossierStatus::kReceived, "received"},
    {DossierStatus::kRefused, "refused"},
    {DossierStatus::kInProcessing, "in_processing"},
    {DossierStatus::kAwaitingSupplement, "awaiting_supplement"},
    {DossierStatus::kAwaitingPayment, "awaiting_payment"},
    {DossierStatus::kWithdrawn, "withdrawn"},
    {DossierStatus::kStopped, "stopped"},
    {DossierStatus::kFinished, "finished"},
    {DossierStatus::kReturned, "returned"},
}};
constexpr NameTable<DossierStatus, 10> kStatusNamesVi{{
    {DossierStatus::kSubmitted, "Mới đăng ký"},
    {DossierStatus::kReceived, "Được tiếp nhận"},
    {DossierStatus::kRefused, "Không được tiếp nhận"},
    {DossierStatus::kInProcessing, "Đang xử lý"},
    {DossierStatus::kAwaitingSupplement, "Yêu cầu bổ sung giấy tờ"},
    {DossierStatus::kAwaitingPayment, "Yêu cầu thực hiện nghĩa vụ tài chính"},
    {DossierStatus::kWithdrawn, "Công dân yêu cầu rút hồ sơ"},
    {DossierStatus::kStopped, "Dừng xử lý"},
    {DossierStatus::kFinished, "Đã xử lý xong"},
    {DossierStatus::kReturned, "Đã trả kết quả"},
}};
constexpr NameTable<DossierAction, 24> kActionNames{{
    {DossierAction::kSubmit, "submit"},
    {DossierAction::kReceive, "receive"},
    {DossierAction::kAccept, "accept"},
    {DossierAction::kRefuse, "refuse"},
    {DossierAction::kForward, "forward"},
    {DossierAction::kReturnStep, "return_step"},
    {DossierAction::kApprove, "approve"},
    {DossierAction::kRequestSupplement, "request_supplement"},
    {DossierAction::kSupplement, "supplement"},
    {DossierAction::kRequestPayment, "request_payment"},
    {DossierAction::kPay, "pay"},
    {DossierAction::kExtend, "extend"},
    {DossierAction::kFinish, "finish"},
    {DossierAction::kReturnResult, "return_result"},
    {DossierAction::kStop, "stop"},
    {DossierAction::kWithdraw, "withdraw"},
    {DossierAction::kDigitize, "digitize"},
    {DossierAction::kAttach, "attach"},
    {DossierAction::kReuse, "reuse"},
    {DossierAction::kIssueEResult, "issue_e_result"},
    {DossierAction::kSyncAck, "sync_ack"},
    {DossierAction::kRate, "rate"},
    {DossierAction::kFeedback, "feedback"},
    {DossierAction::kMarkOverdue, "mark_overdue"},
}};

}  // namespace

std::optional<DossierStatus> StatusFromCode(int code) {
    if (code < 1 || code > 10) {
        return std::nullopt;
    }
    return static_cast<DossierStatus>(code);
}

const char* StatusNameVi(DossierStatus status) { return NameOf(kStatusNamesVi, status); }
const char* StatusName(DossierStatus status) { return NameOf(kStatusNames, status); }
const char* ActionName(DossierAction action) { return NameOf(kActionNames, action); }
std::optional<DossierAction> ParseAction(std::string_view name) {
    return ParseName(kActionNames, name);
}

bool IsTerminal(DossierStatus status) {
    switch (status) {
        case DossierStatus::kRefused:
        case DossierStatus::kWithdrawn:
        case DossierStatus::kStopped:
        case DossierStatus::kReturned:
            return true;
        case DossierStatus::kSubmitted:
        case DossierStatus::kReceived:
        case DossierStatus::kInProcessing:
        case DossierStatus::kAwaitingSupplement:
        case DossierStatus::kAwaitingPayment:
        case DossierStatus::kFinished:
            return false;
    }
    return false;
}

bool IsClockRunning(DossierStatus status) {
    return status == DossierStatus::kReceived || status == DossierStatus::kInProcessing ||
           status == DossierStatus::kAwaitingPayment;
}

bool IsAlwaysAllowedFact(DossierAction action) {
    return action == DossierAction::kSyncAck || action == DossierAction::kFeedback;
}

Outcome<DossierStatus> NextStatus(std::optional<DossierStatus> from, DossierAction action) {
    for (const auto& transition : kTransitions) {
        if (transition.from == from && transition.action == action) {
            return transition.to;
        }
    }
    if (from && IsAlwaysAllowedFact(action)) {
        return *from;
    }
    return MakeError(ErrorKind::kInvalidTransition, "invalid_transition", ActionName(action));
}

std::vector<DossierAction> AllowedActions(DossierStatus status) {
    std::vector<DossierAction> actions;
    for (const auto& transition : kTransitions) {
        if (transition.from == status) {
            actions.push_back(transition.action);
        }
    }
    for (const auto action : kAllActions) {
        if (IsAlwaysAllowedFact(action)) {
            actions.push_back(action);
        }
    }
    return actions;
}

}  // namespace motcua::domain
