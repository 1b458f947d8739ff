// The dossier state machine as one constexpr table (docs/domain.md §2.2–2.3, docs/dossiers.md §2):
// which action each status accepts and where it leads. Facts (digitize, rate, …) keep the status.
// Rule: docs/domain.md §2.3; the creation actions (submit, receive) start from no status.
#pragma once

#include <optional>
#include <vector>

#include "common/outcome.hpp"
#include "domain/dossier/dossier_status.hpp"

namespace motcua::domain {

struct Transition {
    std::optional<DossierStatus> from;  // nullopt: the action creates the dossier.
    DossierAction action;
    DossierStatus to;
};

// clang-format off
inline constexpr Transition kTransitions[] = {
    {std::nullopt, DossierAction::kSubmit, DossierStatus::kSubmitted},
    {std::nullopt, DossierAction::kReceive, DossierStatus::kReceived},
    {DossierStatus::kSubmitted, DossierAction::kAccept, DossierStatus::kReceived},
    {DossierStatus::kSubmitted, DossierAction::kRefuse, DossierStatus::kRefused},
    {DossierStatus::kReceived, DossierAction::kForward, DossierStatus::kInProcessing},
    {DossierStatus::kInProcessing, DossierAction::kForward, DossierStatus::kInProcessing},
    {DossierStatus::kInProcessing, DossierAction::kReturnStep, DossierStatus::kInProcessing},
    {DossierStatus::kInProcessing, DossierAction::kApprove, DossierStatus::kInProcessing},
    {DossierStatus::kReceived, DossierAction::kRequestSupplement, DossierStatus::kAwaitingSupplement},
    {DossierStatus::kInProcessing, DossierAction::kRequestSupplement, DossierStatus::kAwaitingSupplement},
    {DossierStatus::kAwaitingSupplement, DossierAction::kSupplement, DossierStatus::kInProcessing},
    {DossierStatus::kInProcessing, DossierAction::kRequestPayment, DossierStatus::kAwaitingPayment},
    {DossierStatus::kAwaitingPayment, DossierAction::kPay, DossierStatus::kInProcessing},
    // Fees collected at the desk or online without a prior request (lệ phí at reception).
    {DossierStatus::kReceived, DossierAction::kPay, DossierStatus::kReceived},
    {DossierStatus::kInProcessing, DossierAction::kPay, DossierStatus::kInProcessing},
    {DossierStatus::kReceived, DossierAction::kExtend, DossierStatus::kReceived},
    {DossierStatus::kInProcessing, DossierAction::kExtend, DossierStatus::kInProcessing},
    // Same-day procedures may be settled at the desk right after reception.
    {DossierStatus::kReceived, DossierAction::kFinish, DossierStatus::kFinished},
    {DossierStatus::kInProcessing, DossierAction::kFinish, DossierStatus::kFinished},
    {DossierStatus::kFinished, DossierAction::kReturnResult, DossierStatus::kReturned},
    {DossierStatus::kSubmitted, DossierAction::kStop, DossierStatus::kStopped},
    {DossierStatus::kReceived, DossierAction::kStop, DossierStatus::kStopped},
    {DossierStatus::kInProcessing, DossierAction::kStop, DossierStatus::kStopped},
    {DossierStatus::kAwaitingSupplement, DossierAction::kStop, DossierStatus::kStopped},
    {DossierStatus::kAwaitingPayment, DossierAction::kStop, DossierStatus::kStopped},
    {DossierStatus::kSubmitted, DossierAction::kWithdraw, DossierStatus::kWithdrawn},
    {DossierStatus::kReceived, DossierAction::kWithdraw, DossierStatus::kWithdrawn},
    {DossierStatus::kInProcessing, DossierAction::kWithdraw, DossierStatus::kWithdrawn},
    {DossierStatus::kAwaitingSupplement, DossierAction::kWithdraw, DossierStatus::kWithdrawn},
    {DossierStatus::kAwaitingPayment, DossierAction::kWithdraw, DossierStatus::kWithdrawn},
    // Facts.
    {DossierStatus::kReceived, DossierAction::kDigitize, DossierStatus::kReceived},
    {DossierStatus::kInProcessing, DossierAction::kDigitize, DossierStatus::kInProcessing},
    {DossierStatus::kAwaitingSupplement, DossierAction::kDigitize, DossierStatus::kAwaitingSupplement},
    // The applicant attaches files while submitting and while supplementing.
    {DossierStatus::kSubmitted, DossierAction::kAttach, DossierStatus::kSubmitted},
    {DossierStatus::kAwaitingSupplement, DossierAction::kAttach, DossierStatus::kAwaitingSupplement},
    {DossierStatus::kSubmitted, DossierAction::kReuse, DossierStatus::kSubmitted},
    {DossierStatus::kReceived, DossierAction::kReuse, DossierStatus::kReceived},
    {DossierStatus::kInProcessing, DossierAction::kReuse, DossierStatus::kInProcessing},
    {DossierStatus::kInProcessing, DossierAction::kIssueEResult, DossierStatus::kInProcessing},
    {DossierStatus::kFinished, DossierAction::kIssueEResult, DossierStatus::kFinished},
    {DossierStatus::kReturned, DossierAction::kIssueEResult, DossierStatus::kReturned},
    {DossierStatus::kFinished, DossierAction::kRate, DossierStatus::kFinished},
    {DossierStatus::kReturned, DossierAction::kRate, DossierStatus::kReturned},
    {DossierStatus::kReceived, DossierAction::kMarkOverdue, DossierStatus::kReceived},
    {DossierStatus::kInProcessing, DossierAction::kMarkOverdue, DossierStatus::kInProcessing},
    {DossierStatus::kAwaitingPayment, DossierAction::kMarkOverdue, DossierStatus::kAwaitingPayment},
};
// clang-format on

/// Facts allowed in every status: acknowledgements from national systems, feedback.
bool IsAlwaysAllowedFact(DossierAction action);

/// Returns the status `action` leads to from `from` (nullopt: creation), or
/// kInvalidTransition (code "invalid_transition").
Outcome<DossierStatus> NextStatus(std::optional<DossierStatus> from, DossierAction action);
/// Returns the actions allowed in `status`, in table order.
std::vector<DossierAction> AllowedActions(DossierStatus status);

}  // namespace motcua::domain
