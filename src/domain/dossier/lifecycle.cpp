#include "domain/dossier/lifecycle.hpp"

#include <algorithm>

#include "common/name_table.hpp"
#include "domain/dossier/transitions.hpp"

namespace motcua::domain {
namespace {

using calendar::LocalDateTime;
using calendar::ToInstant;
using calendar::ToLocalDateTime;

constexpr NameTable<Channel, 3> kChannels{
    {{Channel::kOnline, "online"}, {Channel::kDesk, "desk"}, {Channel::kPostal, "postal"}}};

Error Invalid(std::string field, std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_action_field", std::move(field),
                     std::move(detail));
}

bool IsOneOf(const std::string& value, std::initializer_list<const char*> allowed) {
    return std::any_of(allowed.begin(), allowed.end(),
                       [&](const char* entry) { return value == entry; });
}

void AddOnce(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

bool IsSha256Hex(const std::string& text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// The actions whose file_sha256 links a stored file to the dossier.
bool NamesAFile(DossierAction action) {
    return action == DossierAction::kAttach || action == DossierAction::kDigitize ||
           action == DossierAction::kIssueEResult;
}

// Admits the file an action names (after its effect checked the hash's form): an upload joins the
// dossier's files; a caller may name only a file uploaded to this dossier, so that no one links
// (and then downloads) another dossier's file; imported history keeps its references unchecked, and
// they are never served.
Outcome<Done> AdmitFile(Dossier& next, const ActionInput& input) {
    auto& uploaded = next.uploaded_files;
    const bool known =
        std::find(uploaded.begin(), uploaded.end(), input.file_sha256) != uploaded.end();
    switch (input.file_origin) {
        case FileOrigin::kUpload:
            if (!known) {
                uploaded.push_back(input.file_sha256);
            }
            return Done{};
        case FileOrigin::kDossier:
            if (!known) {
                return MakeError(ErrorKind::kInvalid, "file_not_in_dossier", "file_sha256",
                                 "a file uploaded to this dossier");
            }
            return Done{};
        case FileOrigin::kHistory:
            return Done{};
    }
    return Done{};
}

// A component takes a document of the applicant's data store (kho dữ liệu) instead of an
// upload: its files join the component and the dossier's files, so the dossier's readers may
// open them (the service checked the holder, the kind of paper and the validity).
Outcome<Done> ReuseStoredDocument(Dossier& next, ComponentState& component,
                                  const ActionInput& input) {
    if (input.source != "provincial_store") {
        return Invalid("source", "provincial_store for a document of the data store");
    }
    if (input.document < 0 || input.document_files.empty()) {
        return Invalid("document", "a document of the applicant's data store");
    }
    for (const auto& file : input.document_files) {
        if (!IsSha256Hex(file)) {
            return Invalid("document", "a stored file's SHA-256, 64 hex digits");
        }
        AddOnce(component.files, file);
        AddOnce(next.uploaded_files, file);
    }
    component.reused_document = input.document;
    return Done{};
}

// Starts the legal clock at `at` (acceptance): counting start, due time and per-step due times
// split by the procedure's time shares (the last step ends at the dossier's due time).
void StartClock(Dossier& dossier, Instant at, const Procedure& procedure,
                const DeadlineContext& context) {
    const auto& time = procedure.processing_time;
    std::optional<std::chrono::minutes> cutoff;
    if (time.cutoff_minutes) {
        cutoff = std::chrono::minutes(*time.cutoff_minutes);
    }
    const LocalDateTime start =
        calendar::StartOfCounting(ToLocalDateTime(at), context.hours, context.calendar, cutoff);
    const LocalDateTime due = calendar::DueAt(start, time.amount, time.unit, context.hours,
                                              context.calendar, context.policy);
    dossier.received_at = at;
    // Local times have minute resolution: a receipt during office hours starts the clock at
    // the receipt itself, not at the start of its minute.
    dossier.counting_from = std::max(at, ToInstant(start));
    dossier.due_at = ToInstant(due);
    // The steps share the office time actually available until the due time.
    const auto total = calendar::OfficeTimeBetween(start, due, context.hours, context.calendar);
    int cumulative = 0;
    for (std::size_t i = 0; i < dossier.steps.size(); ++i) {
        cumulative += i < procedure.steps.size() ? procedure.steps[i].share_percent : 0;
        dossier.steps[i].due_at =
            i + 1 == dossier.steps.size()
                ? dossier.due_at
                : std::optional<Instant>(ToInstant(calendar::AddOfficeTime(
                      start, total * cumulative / 100, context.hours, context.calendar)));
    }
    if (!dossier.steps.empty()) {
        dossier.current_step = 0;
        dossier.steps[0].started_at = at;
    }
}

// Moves every open due time by the office time between the pause and `resumed`.
Outcome<Done> ResumeClock(Dossier& dossier, Instant resumed, const DeadlineContext& context) {
    if (!dossier.paused_at) {
        return Done{};
    }
    const LocalDateTime paused = ToLocalDateTime(*dossier.paused_at);
    const LocalDateTime resumed_local = ToLocalDateTime(resumed);
    auto shift = [&](std::optional<Instant>& due) -> Outcome<Done> {
        if (!due) {
            return Done{};
        }
        MOTCUA_ASSIGN_OR_RETURN(
            auto moved, calendar::ShiftForPause(ToLocalDateTime(*due), paused, resumed_local,
                                                context.hours, context.calendar));
        due = ToInstant(moved);
        return Done{};
    };
    MOTCUA_RETURN_IF_ERROR(shift(dossier.due_at));
    for (auto& step : dossier.steps) {
        if (!step.completed_at) {
            MOTCUA_RETURN_IF_ERROR(shift(step.due_at));
        }
    }
    dossier.paused_at.reset();
    return Done{};
}

Outcome<Done> MoveToStep(Dossier& dossier, int step, Instant at, const std::string& to_agency) {
    if (step < 0 || step >= static_cast<int>(dossier.steps.size())) {
        return Invalid("step", step < 0 ? "there is no previous step" : "there is no next step");
    }
    dossier.steps[static_cast<std::size_t>(dossier.current_step)].completed_at = at;
    dossier.current_step = step;
    auto& target = dossier.steps[static_cast<std::size_t>(step)];
    target.started_at = at;
    target.completed_at.reset();
    if (!to_agency.empty()) {
        target.agency_code = to_agency;
    }
    dossier.current_agency = target.agency_code;
    return Done{};
}

ComponentState* FindComponent(Dossier& dossier, const std::string& code) {
    const auto found = std::find_if(dossier.components.begin(), dossier.components.end(),
                                    [&](const ComponentState& c) { return c.code == code; });
    return found == dossier.components.end() ? nullptr : &*found;
}

// Checks the action's own fields and applies its effect on `next` (status already set).
Outcome<Done> ApplyEffect(Dossier& next, const ActionInput& input, const Procedure& procedure,
                          const DeadlineContext& context) {
    switch (input.action) {
        case DossierAction::kSubmit:
            next.submitted_at = input.at;
            return Done{};
        case DossierAction::kReceive:
            next.submitted_at = input.at;
            StartClock(next, input.at, procedure, context);
            return Done{};
        case DossierAction::kAccept:
            StartClock(next, input.at, procedure, context);
            return Done{};
        case DossierAction::kRefuse:
            if (input.reasons.empty()) {
                return Invalid("reasons", "a refusal states its reasons");
            }
            next.terminal_at = input.at;
            return Done{};
        case DossierAction::kForward:
            return MoveToStep(next, next.current_step + 1, input.at, input.to_agency);
        case DossierAction::kReturnStep:
            return MoveToStep(next, next.current_step - 1, input.at, "");
        case DossierAction::kApprove: {
            const auto& step = next.steps.at(static_cast<std::size_t>(next.current_step));
            if (step.role != StepRole::kHead) {
                return Invalid("step", "the current step is not a head's approval step");
            }
            if (next.current_step + 1 < static_cast<int>(next.steps.size())) {
                return MoveToStep(next, next.current_step + 1, input.at, "");
            }
            next.steps[static_cast<std::size_t>(next.current_step)].completed_at = input.at;
            return Done{};
        }
        case DossierAction::kRequestSupplement:
            if (input.reasons.empty()) {
                return Invalid("reasons", "list the documents to supplement, once and completely");
            }
            next.paused_at = input.at;
            ++next.supplement_requests;
            return Done{};
        case DossierAction::kSupplement:
            return ResumeClock(next, input.at, context);
        case DossierAction::kRequestPayment:
            return Done{};
        case DossierAction::kPay:
            if (input.amount <= 0) {
                return Invalid("amount", "a payment has a positive amount in đồng");
            }
            if (!IsOneOf(input.payment_channel, {"online_dvcqg", "online_gateway", "desk"})) {
                return Invalid("channel", "online_dvcqg, online_gateway or desk");
            }
            // What is paid never exceeds what is due: nothing on a fee-free dossier, and no more
            // than the outstanding amount (docs/domain.md §2.3, fees).
            if (next.fee_total <= 0) {
                return MakeError(ErrorKind::kInvalid, "no_fee_due", "amount",
                                 "this dossier's procedure charges no fee");
            }
            if (input.amount > next.fee_total - next.paid_total) {
                return MakeError(ErrorKind::kInvalid, "payment_exceeds_due", "amount",
                                 "at most " + std::to_string(next.fee_total - next.paid_total) +
                                     " đồng are outstanding");
            }
            next.paid_total += input.amount;
            next.payment_channel = input.payment_channel;
            return Done{};
        case DossierAction::kExtend:
            if (!input.new_due_at || !next.due_at || *input.new_due_at <= *next.due_at) {
                return Invalid("new_due_at", "an extension sets a due time later than the current");
            }
            if (*input.new_due_at > *next.due_at + std::chrono::days(366)) {
                return Invalid("new_due_at", "an extension adds at most a year");
            }
            next.due_at = input.new_due_at;
            if (!next.steps.empty()) {
                next.steps.back().due_at = input.new_due_at;
            }
            ++next.extensions;
            return Done{};
        case DossierAction::kFinish:
            if (!IsOneOf(input.result_kind, {"electronic", "paper", "none"})) {
                return Invalid("result_kind", "electronic, paper or none");
            }
            // The result exists once every processing step is done: at the last step, or at a
            // head's step (the head approves and signs the result itself).
            if (!next.steps.empty() &&
                next.current_step + 1 < static_cast<int>(next.steps.size()) &&
                next.steps[static_cast<std::size_t>(next.current_step)].role != StepRole::kHead) {
                return Invalid("step", "steps remain before the result: forward the dossier");
            }
            next.result_kind = input.result_kind;
            next.finished_at = input.at;
            if (!next.steps.empty()) {
                next.steps[static_cast<std::size_t>(next.current_step)].completed_at = input.at;
            }
            return Done{};
        case DossierAction::kReturnResult:
            if (!IsOneOf(input.delivery, {"desk", "post", "online"})) {
                return Invalid("delivery", "desk, post or online");
            }
            next.delivery = input.delivery;
            next.returned_at = input.at;
            return Done{};
        case DossierAction::kStop:
        case DossierAction::kWithdraw:
            next.terminal_at = input.at;
            next.paused_at.reset();
            return Done{};
        case DossierAction::kDigitize:
        case DossierAction::kAttach:
        case DossierAction::kReuse: {
            auto* component = FindComponent(next, input.component);
            if (component == nullptr) {
                return Invalid("component", "not a component of this procedure");
            }
            if (input.action == DossierAction::kAttach) {
                // The applicant's own file: stored and linked, but not the desk's digitisation.
                if (!IsSha256Hex(input.file_sha256)) {
                    return Invalid("file_sha256", "the SHA-256 of the file, 64 hex digits");
                }
                component->files.push_back(input.file_sha256);
                return Done{};
            }
            if (input.action == DossierAction::kDigitize) {
                if (!input.file_sha256.empty()) {
                    if (!IsSha256Hex(input.file_sha256)) {
                        return Invalid("file_sha256", "the SHA-256 of the scan, 64 hex digits");
                    }
                    component->files.push_back(input.file_sha256);
                }
                component->digitized = true;
                return Done{};
            }
            if (!IsOneOf(input.source, {"national_store", "provincial_store", "database"})) {
                return Invalid("source", "national_store, provincial_store or database");
            }
            if (input.document != 0) {
                MOTCUA_RETURN_IF_ERROR(ReuseStoredDocument(next, *component, input));
            }
            component->reuse_source = input.source;
            return Done{};
        }
        case DossierAction::kIssueEResult:
            if (!IsSha256Hex(input.file_sha256)) {
                return Invalid("file_sha256", "the SHA-256 of the result file, 64 hex digits");
            }
            next.e_result_sha256 = input.file_sha256;
            return Done{};
        case DossierAction::kSyncAck:
            if (input.system != "dvcqg") {
                return Invalid("system", "dvcqg");
            }
            next.synced = true;
            return Done{};
        case DossierAction::kRate:
            if (!IsOneOf(input.rating, {"very_satisfied", "satisfied", "unsatisfied"})) {
                return Invalid("rating", "very_satisfied, satisfied or unsatisfied");
            }
            if (!next.rating.empty()) {
                return Invalid("rating", "a dossier is rated once");
            }
            next.rating = input.rating;
            return Done{};
        case DossierAction::kFeedback:
            ++next.feedback_count;
            return Done{};
        case DossierAction::kMarkOverdue:
            if (!next.due_at || input.at <= *next.due_at || next.overdue_at) {
                return Invalid("at", "only a dossier past its due time, once");
            }
            next.overdue_at = next.due_at;
            return Done{};
    }
    return Done{};
}

}  // namespace

const char* ChannelName(Channel channel) { return NameOf(kChannels, channel); }
std::optional<Channel> ParseChannel(std::string_view name) { return ParseName(kChannels, name); }

Dossier InitializeDossier(const Procedure& procedure, std::string code,
                          std::string receiving_agency, Channel channel, Applicant applicant,
                          std::int64_t owner_account_id) {
    Dossier dossier;
    dossier.code = std::move(code);
    dossier.procedure_code = procedure.code;
    dossier.procedure_version = procedure.version;
    dossier.field_code = procedure.field_code;
    dossier.receiving_agency = std::move(receiving_agency);
    // Commune-level procedures are settled by the commune that received them.
    dossier.competent_agency =
        procedure.competent_agency.empty() ? dossier.receiving_agency : procedure.competent_agency;
    dossier.current_agency = dossier.receiving_agency;
    dossier.channel = channel;
    dossier.applicant = std::move(applicant);
    dossier.owner_account_id = owner_account_id;
    dossier.fee_total = procedure.FeeTotal();
    for (std::size_t i = 0; i < procedure.steps.size(); ++i) {
        const auto& step = procedure.steps[i];
        // The first step happens at the desk that received the dossier; later ones at the
        // step's own agency, or else the competent agency.
        const std::string& agency = i == 0                      ? dossier.receiving_agency
                                    : !step.agency_code.empty() ? step.agency_code
                                                                : dossier.competent_agency;
        dossier.steps.push_back({step.name_vi, step.role, agency, {}, {}, {}});
    }
    for (const auto& component : procedure.components) {
        dossier.components.push_back({component.code, false, "", {}});
    }
    return dossier;
}

Outcome<ActionResult> ApplyAction(const Dossier& dossier, const ActionInput& input,
                                  const Procedure& procedure, const DeadlineContext& context) {
    const bool creating = dossier.event_count == 0;
    const std::optional<DossierStatus> from =
        creating ? std::nullopt : std::optional<DossierStatus>(dossier.status);
    MOTCUA_ASSIGN_OR_RETURN(auto to, NextStatus(from, input.action));
    if (dossier.last_event_at && input.at < *dossier.last_event_at) {
        return Invalid("at", "an event cannot precede the dossier's previous event");
    }
    Dossier next = dossier;
    next.status = to;
    next.last_event_at = input.at;
    MOTCUA_RETURN_IF_ERROR(ApplyEffect(next, input, procedure, context));
    if (!input.file_sha256.empty() && NamesAFile(input.action)) {
        MOTCUA_RETURN_IF_ERROR(AdmitFile(next, input));
    }
    next.event_count = dossier.event_count + 1;
    DossierEvent event{next.event_count,   input.at,           input.action, input.actor_id,
                       input.actor_login,  input.actor_agency, from,         next.status,
                       input.payload_json, next.due_at};
    return ActionResult{std::move(next), std::move(event)};
}

calendar::DueState ClassifyDossier(const Dossier& dossier, Instant now,
                                   std::chrono::minutes due_soon_threshold) {
    if (!dossier.due_at) {
        return calendar::DueState::kOnTime;
    }
    // A dossier whose clock stopped is judged at the moment it stopped (docs/domain.md §1.4, 2.1).
    Instant judged_at = now;
    if (dossier.finished_at) {
        judged_at = *dossier.finished_at;
    } else if (dossier.terminal_at) {
        judged_at = *dossier.terminal_at;
    } else if (dossier.paused_at) {
        judged_at = *dossier.paused_at;
    }
    return calendar::ClassifyDue(judged_at, calendar::ToLocalDateTime(*dossier.due_at),
                                 due_soon_threshold);
}

}  // namespace motcua::domain
