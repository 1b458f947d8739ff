// The dossier lifecycle as one pure function: ApplyAction takes the current state, an action
// with its instant and fields, the procedure and the calendar, and returns the next state and
// the event that records the change — or the rule it breaks. The service (live actions) and the
// history import (explicit instants) both go through it, so both obey the same machine.
// Rules: docs/domain.md §2.2–2.5 (statuses, lifecycle, deadlines), §1.4 group 2 (supplementation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "domain/calendar/deadline.hpp"
#include "domain/catalog/procedure.hpp"
#include "domain/dossier/dossier.hpp"

namespace motcua::domain {

/// Where the file an action names (file_sha256) comes from.
enum class FileOrigin {
    kDossier,  // Named by the caller: must be one of the files uploaded to this dossier.
    kUpload,   // Its bytes were just uploaded to this dossier: it joins the dossier's files.
    kHistory,  // Imported history: the previous system's reference, kept but never served.
};

/// An action with everything it carries. Which fields matter depends on the action.
struct ActionInput {
    DossierAction action = DossierAction::kSubmit;
    Instant at;
    std::int64_t actor_id = 0;
    std::string actor_login;
    std::string actor_agency;
    std::string note;
    std::vector<std::string> reasons;   // refuse, request_supplement, stop, withdraw.
    std::string to_agency;              // forward (liên thông).
    std::optional<Instant> new_due_at;  // extend.
    std::string payment_channel;        // pay: online_dvcqg, online_gateway, desk.
    std::int64_t amount = 0;            // pay.
    std::string payment_method;         // pay at the desk: cash (default), card, transfer.
    std::string payment_reference;      // pay at the desk: the card slip or transfer reference.
    std::string result_kind;            // finish: electronic, paper, none.
    std::string delivery;               // return_result: desk, post, online.
    std::string component;              // digitize, reuse.
    std::string source;                 // reuse: national_store, provincial_store, database.
    std::int64_t document = 0;          // reuse: a document of the applicant's data store,
    std::vector<std::string> document_files;  // and its files (filled in by the service).
    std::string file_sha256;                  // issue_e_result, attach, digitize (optional).
    FileOrigin file_origin = FileOrigin::kDossier;
    std::uint64_t file_size = 0;      // An upload's size in bytes (the storage quotas).
    std::string system;               // sync_ack: dvcqg.
    std::string rating;               // rate.
    std::string payload_json = "{}";  // The fields as given, stored with the event.
};

/// The calendar a dossier's deadlines are computed with.
struct DeadlineContext {
    const calendar::WorkingCalendar& calendar;
    const calendar::OfficeHours& hours;
    calendar::DeadlinePolicy policy;
};

struct ActionResult {
    Dossier dossier;
    DossierEvent event;
};

/// Returns a new dossier (not yet submitted) for `procedure`, with its steps and components.
Dossier InitializeDossier(const Procedure& procedure, std::string code,
                          std::string receiving_agency, Channel channel, Applicant applicant,
                          std::int64_t owner_account_id);

/// Applies `input` to `dossier` (an initialized dossier for submit/receive). Fails with
/// kInvalidTransition (listing nothing; the caller lists AllowedActions) or kInvalid naming the
/// field at fault. The event's seq is the dossier's event_count + 1.
Outcome<ActionResult> ApplyAction(const Dossier& dossier, const ActionInput& input,
                                  const Procedure& procedure, const DeadlineContext& context);

/// Returns the dossier's due state at `now` (on time, due soon, overdue); dossiers whose clock
/// is not running (submitted, paused, finished, terminal) are judged by when they stopped.
calendar::DueState ClassifyDossier(const Dossier& dossier, Instant now,
                                   std::chrono::minutes due_soon_threshold);

}  // namespace motcua::domain
