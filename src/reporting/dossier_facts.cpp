#include "reporting/dossier_facts.hpp"

#include <algorithm>

#include "domain/calendar/local_date_time.hpp"

namespace motcua::reporting {

using domain::DossierAction;
using domain::DossierStatus;

ProcedureProfile ProfileOf(const domain::Procedure& procedure) {
    ProcedureProfile profile;
    profile.code = procedure.code;
    profile.online_level = procedure.online_level;
    profile.has_fee = procedure.FeeTotal() > 0;
    profile.document_result = procedure.result.kind == domain::ResultKind::kDocument;
    profile.citizen_applicants =
        std::find(procedure.applicant_kinds.begin(), procedure.applicant_kinds.end(), "citizen") !=
        procedure.applicant_kinds.end();
    return profile;
}

namespace {

struct History {
    std::optional<Instant> second_request;  // The second "Yêu cầu bổ sung".
    std::optional<Instant> last_request;
    bool ended_while_paused = false;  // Stopped or withdrawn from status 5.
};

History ReadHistory(std::span<const domain::DossierEvent> events, Instant as_of) {
    History history;
    int requests = 0;
    for (const auto& event : events) {
        if (event.at > as_of) {
            break;
        }
        if (event.action == DossierAction::kRequestSupplement) {
            ++requests;
            history.last_request = event.at;
            if (requests == 2) {
                history.second_request = event.at;
            }
        }
        if ((event.action == DossierAction::kStop || event.action == DossierAction::kWithdraw) &&
            event.from == DossierStatus::kAwaitingSupplement) {
            history.ended_while_paused = true;
        }
    }
    return history;
}

// When processing is judged to end (docs/domain.md §1.4, 2.1): the result (Đã xử lý xong, which
// takes precedence over the return), else the terminal state (stop, withdrawal), else — while
// paused after a single request — the request; else it is still running at `as_of`.
Instant JudgedEnd(const domain::Dossier& dossier, const History& history, Instant as_of) {
    if (dossier.finished_at) {
        return *dossier.finished_at;
    }
    if (dossier.terminal_at) {
        if (history.ended_while_paused && history.last_request) {
            return *history.last_request;
        }
        return *dossier.terminal_at;
    }
    if (dossier.paused_at) {
        return *dossier.paused_at;
    }
    return as_of;
}

// The instant the dossier first counts as overdue, if it does by `as_of`.
std::optional<Instant> OverdueInstant(const domain::Dossier& dossier,
                                      std::span<const domain::DossierEvent> events, Instant as_of) {
    const History history = ReadHistory(events, as_of);
    std::optional<Instant> overdue;
    // Supplementation time is already excluded: `supplement` moves due_at by the office time
    // paused (lifecycle.cpp ResumeClock), the equivalent of subtracting it from the end.
    if (dossier.due_at && JudgedEnd(dossier, history, as_of) > *dossier.due_at &&
        *dossier.due_at <= as_of) {
        overdue = *dossier.due_at;
    }
    // More than one supplementation request ⇒ overdue (docs/domain.md §1.4, 2.1).
    if (dossier.supplement_requests > 1) {
        // NOLINTNEXTLINE(bugprone-unchecked-optional-access): requests follow the receipt.
        const Instant second = history.second_request.value_or(*dossier.received_at);
        overdue = overdue ? std::min(*overdue, second) : second;
    }
    return overdue;
}

std::chrono::sys_days LocalDay(Instant at) { return domain::calendar::ToLocalDateTime(at).date; }

// The local date of `at` when it is set and not after `as_of`.
std::optional<std::chrono::sys_days> LocalDayIf(const std::optional<Instant>& at, Instant as_of) {
    if (!at || *at > as_of) {
        return std::nullopt;
    }
    return LocalDay(*at);
}

bool AnyComponent(const domain::Dossier& dossier, auto predicate) {
    return std::any_of(dossier.components.begin(), dossier.components.end(), predicate);
}

}  // namespace

DossierFacts ExtractFacts(const domain::Dossier& dossier,
                          std::span<const domain::DossierEvent> events,
                          const ProcedureProfile& procedure, Instant as_of) {
    DossierFacts facts;
    facts.procedure_code = dossier.procedure_code;
    facts.competent_agency = dossier.competent_agency;
    facts.receiving_agency = dossier.receiving_agency;
    facts.channel = dossier.channel;
    if (dossier.status == DossierStatus::kRefused && dossier.terminal_at &&
        *dossier.terminal_at <= as_of) {
        facts.refused = true;
        facts.received_day = LocalDay(*dossier.terminal_at);
        return facts;
    }
    if (!dossier.received_at || *dossier.received_at > as_of) {
        return facts;
    }
    facts.received = true;
    facts.received_day = LocalDay(*dossier.received_at);
    facts.finished_on = LocalDayIf(dossier.finished_at, as_of);
    facts.returned_on = LocalDayIf(dossier.returned_at, as_of);
    if (dossier.status == DossierStatus::kWithdrawn) {
        facts.withdrawn_on = LocalDayIf(dossier.terminal_at, as_of);
    } else if (dossier.status == DossierStatus::kStopped) {
        facts.stopped_on = LocalDayIf(dossier.terminal_at, as_of);
    }
    if (auto overdue = OverdueInstant(dossier, events, as_of)) {
        facts.overdue_from = LocalDay(*overdue);
    }
    const bool e_result = !dossier.e_result_sha256.empty();
    facts.online = dossier.channel == domain::Channel::kOnline;
    facts.online_counted = facts.online && (!procedure.document_result || e_result);
    facts.synced = dossier.synced;
    facts.fee_due = dossier.fee_total > 0;
    facts.paid_online =
        facts.fee_due && dossier.paid_total > 0 &&
        (dossier.payment_channel == "online_dvcqg" || dossier.payment_channel == "online_gateway");
    facts.document_result = procedure.document_result;
    facts.e_result_synced = procedure.document_result && e_result && dossier.synced;
    facts.digitized = AnyComponent(dossier, [](const auto& component) {
        return component.digitized || !component.files.empty();
    });
    facts.digitized_counted = facts.digitized && (!procedure.document_result || e_result);
    facts.reused = AnyComponent(
        dossier, [](const auto& component) { return !component.reuse_source.empty(); });
    facts.personal_store = AnyComponent(dossier,
                                        [](const auto& component) {
                                            return component.reuse_source == "national_store";
                                        }) ||
                           (e_result && dossier.synced);
    facts.citizen_data = AnyComponent(dossier, [](const auto& component) {
        return component.reuse_source == "national_store" || component.reuse_source == "database";
    });
    facts.unsatisfied = dossier.rating == "unsatisfied";
    facts.feedback = dossier.feedback_count > 0;
    return facts;
}

}  // namespace motcua::reporting
