// Dossier facts: the few countable things the 766 index and the plan indicators need to know
// about one dossier — a pure function of its state and events, as known at one instant. The
// counters (counters.hpp) are sums of facts; a counter update is Counts(after) − Counts(before),
// and a recompute from the event log extracts the same facts again. Rules: docs/domain.md §1.4.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <span>
#include <string>

#include "common/clock.hpp"
#include "domain/catalog/procedure.hpp"
#include "domain/dossier/dossier.hpp"

namespace motcua::reporting {

/// What the index needs to know about a dossier's procedure (catalogue-level, docs/domain.md §1.4).
struct ProcedureProfile {
    std::string code;
    domain::OnlineLevel online_level = domain::OnlineLevel::kNone;
    bool has_fee = false;             // Fee data ≠ 0 (groups 4; 3.5, 3.6).
    bool document_result = true;      // The result is a document (4.1, 4.2, 3.3).
    bool citizen_applicants = false;  // Applicants include citizens (4.5a denominator).
};

/// Returns the profile of `procedure` (fees summed, result kind, applicant kinds).
ProcedureProfile ProfileOf(const domain::Procedure& procedure);

/// The facts of one dossier at one instant. Dossiers never received (status 1, or refused at
/// reception) have `received == false` and count in no 766 metric: every 766 cohort is keyed by
/// NgayTiepNhan (docs/domain.md §1.4). A refusal at reception counts in the monthly report only.
struct DossierFacts {
    bool received = false;
    bool refused = false;  // Không được tiếp nhận: `received_day` is then the refusal's date.
    std::chrono::sys_days received_day{};  // Local (UTC+7) date of NgayTiepNhan.
    domain::Channel channel = domain::Channel::kOnline;
    // Local dates the dossier's processing ended (empty while it has not): Đã xử lý xong, the
    // withdrawal or the stop; and the date the result was handed over (Đã trả kết quả).
    std::optional<std::chrono::sys_days> finished_on;
    std::optional<std::chrono::sys_days> withdrawn_on;
    std::optional<std::chrono::sys_days> stopped_on;
    std::optional<std::chrono::sys_days> returned_on;
    std::string procedure_code;
    std::string competent_agency;
    std::string receiving_agency;
    /// The first civil day at whose end the dossier counts as overdue (2.1): its due time passed
    /// before its processing ended, or a second supplementation request was made. Empty while it
    /// is on time or within time. Once set it stays set (see docs/indicators.md).
    std::optional<std::chrono::sys_days> overdue_from;
    bool online = false;             // KenhThucHien = 2.
    bool online_counted = false;     // 3.3: online and (no document result or an e-result).
    bool synced = false;             // Acknowledged by DVCQG (1.4).
    bool fee_due = false;            // Financial obligation: fee data ≠ 0 (3.6 denominator).
    bool paid_online = false;        // Fee due and paid via DVCQG or the provincial gateway (3.6).
    bool document_result = false;    // The procedure's result is a document (4.1 denominator).
    bool e_result_synced = false;    // 4.1: document result, e-result issued and synced.
    bool digitized = false;          // ≥1 component digitised or with files.
    bool digitized_counted = false;  // 4.2: digitized and (no document result or an e-result).
    bool reused = false;             // 4.3: ≥1 component reused from a data store.
    bool personal_store = false;     // 4.4: from the national store, or e-result synced.
    bool citizen_data = false;       // 4.5b: from the national store or a population database.
    bool unsatisfied = false;        // Rated "unsatisfied" (5.4).
    bool feedback = false;           // ≥1 PAKN linked to the dossier (5.4).
};

/// The only actions whose events ExtractFacts reads (the others may be left out of `events`).
inline constexpr std::array<domain::DossierAction, 3> kFactEventActions = {
    domain::DossierAction::kRequestSupplement, domain::DossierAction::kStop,
    domain::DossierAction::kWithdraw};

/// Extracts the facts of `dossier` as known at `as_of` (the services pass the instant of the
/// event being recorded, so a recompute from the log gives the same facts). `events` is the
/// dossier's history; it dates the second supplementation request and tells whether a stop or
/// withdrawal ended a pause. Without events, a dossier with more than one request counts as
/// overdue from the day it was received.
DossierFacts ExtractFacts(const domain::Dossier& dossier,
                          std::span<const domain::DossierEvent> events,
                          const ProcedureProfile& procedure, Instant as_of);

}  // namespace motcua::reporting
