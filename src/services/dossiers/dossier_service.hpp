// DossierService: the one-stop shop's use cases — submit online or receive at the desk
// (dossier_submission.cpp), take any lifecycle action (dossier_actions.cpp), read a dossier, its
// history or one of its forms, list an inbox, look a dossier up by code and ID number
// (dossier_queries.cpp), and mark overdue dossiers (overdue_marking.cpp). Each command authorises
// the actor, then in one transaction loads the dossier, applies the pure state machine
// (domain/dossier/lifecycle.hpp), stores the new state, its event and an audit record — durable
// before it returns.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/calendar/deadline.hpp"
#include "domain/catalog/fee_due.hpp"
#include "domain/dossier/dossier_code.hpp"
#include "domain/dossier/lifecycle.hpp"
#include "reporting/render/dossier_forms.hpp"
#include "services/auth/login_throttle.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/deadline_source.hpp"
#include "services/dossiers/submission_rate.hpp"
#include "services/outbox/outbox_routing.hpp"
#include "storage/database.hpp"

namespace motcua::services {

/// The most bytes of uploaded files a dossier, and the dossiers of one applicant account, hold.
struct StorageQuotas {
    std::uint64_t dossier_bytes = std::uint64_t{200} << 20;
    std::uint64_t account_bytes = std::uint64_t{1} << 30;
};

struct DossierOptions {
    domain::DossierCodeFormat code_format = domain::DossierCodeFormat::kDefault;
    std::string code_system_digits = "00";  // TT 04/2025 form only.
    std::chrono::minutes due_soon_threshold{8 * 60};
    reporting::render::FormOptions forms;  // The printed forms' links.
    SubmissionLimits submissions;          // Online submissions per applicant account.
    StorageQuotas quotas;                  // Bytes of uploaded files.
    // The external systems that hear about each event (none when null).
    std::shared_ptr<const OutboxRouting> outbox;
};

/// A new dossier: submitted online by its applicant, or received at the desk by a clerk.
struct NewDossier {
    std::string procedure_code;
    std::string agency;  // Receiving agency (desk or the commune chosen online).
    domain::Channel channel = domain::Channel::kOnline;
    domain::Applicant applicant;
    std::string note;
    // Copies asked for and the fee exemption claimed: the amount due (docs/domain.md §9.1).
    domain::FeeRequest fee_request;
    std::string idempotency_key;
    std::string payload_json = "{}";
    // A dossier submitted on the national portal (MaHoSoQG), taken in by the portal intake
    // (services/portal/portal_intake.hpp): a system actor submits it in the applicant's name, at
    // the portal's submission time when that is known and not in the future.
    std::string national_code;
    std::optional<Instant> submitted_at;
};

/// A dossier as a reader sees it: state, due state now, and the actions the reader may take.
struct DossierView {
    domain::Dossier dossier;
    domain::calendar::DueState due_state = domain::calendar::DueState::kOnTime;
    std::vector<domain::DossierAction> allowed_actions;
    bool created = true;  // False when an Idempotency-Key replay returned an earlier dossier.
};

struct DossierQuery {
    std::vector<int> statuses;
    std::string procedure_code;
    std::optional<Instant> due_before;
    bool overdue_only = false;
    bool assigned_only = true;  // Officers: only dossiers at steps of their roles.
    storage::DossierOrder order = storage::DossierOrder::kDueFirst;
    int limit = 20;
    std::string cursor;
};

struct DossierPage {
    std::vector<DossierView> items;
    std::string next_cursor;
};

class DossierService {
public:
    DossierService(storage::Database& database, CatalogService& catalog, DeadlineSource& deadlines,
                   const Clock& clock, DossierOptions options);

    Outcome<DossierView> Submit(const domain::Actor& actor, NewDossier request);
    /// Applies one action; `input.at`, actor fields are filled in here.
    Outcome<DossierView> Act(const domain::Actor& actor, const std::string& code,
                             domain::ActionInput input);
    /// As Act, inside the caller's `transaction`: the action commits or rolls back with the
    /// caller's own writes (the payment service records a gateway's payment and its `pay` event
    /// together). A refusal is returned before anything is written.
    Outcome<DossierView> ActWithin(storage::Transaction& transaction, const domain::Actor& actor,
                                   const std::string& code, domain::ActionInput input);
    Outcome<DossierView> Get(const domain::Actor& actor, const std::string& code);
    Outcome<std::vector<domain::DossierEvent>> GetEvents(const domain::Actor& actor,
                                                         const std::string& code);
    /// Builds the form named `form_name` (reporting/render/dossier_forms.hpp) of the dossier:
    /// one read of the dossier and its events, audited once as a read. kNotFound
    /// "form_not_found" for an unknown name.
    Outcome<boost::json::object> GetForm(const domain::Actor& actor, const std::string& code,
                                         std::string_view form_name);
    /// Public lookup by code and the applicant's ID number (throttled per address).
    Outcome<DossierView> Lookup(const std::string& code, const std::string& id_number,
                                const std::string& remote_address);
    Outcome<DossierPage> List(const domain::Actor& actor, const DossierQuery& query);
    /// Records the overdue moment of every dossier past its due time, reading `page_size`
    /// candidates at a time; returns how many were marked.
    Outcome<int> MarkOverdue(int page_size = 1000);
    /// The actor the overdue marking records (also the history import's own marking).
    static domain::Actor OverdueJobActor() { return domain::Actor::System("overdue job"); }

    /// The deadline context with the current calendar (kept alive by the returned holder).
    struct Deadlines {
        std::shared_ptr<const domain::calendar::WorkingCalendar> calendar;
        domain::calendar::OfficeHours hours;
        domain::DeadlineContext Context() const { return {*calendar, hours, {}}; }
    };
    Deadlines GetDeadlines();
    const DossierOptions& GetOptions() const { return options_; }
    /// Writes the outbox rows of `event` (docs/connectors.md §1) in `transaction`.
    Outcome<Done> EnqueueOutbox(storage::Transaction& transaction, const domain::Dossier& dossier,
                                const domain::DossierEvent& event) const {
        return options_.outbox ? options_.outbox->Enqueue(transaction, dossier, event) : Done{};
    }

private:
    /// How an action reads its dossier: waiting for another writer of it, or (the overdue job)
    /// skipping a dossier another writer holds as if it were absent.
    enum class Locking { kWait, kSkipHeld };
    Outcome<DossierView> Apply(const domain::Actor& actor, const std::string& code,
                               domain::ActionInput input, Locking locking);
    /// Apply's work in `transaction`; `denied` tells a refusal to record.
    Outcome<DossierView> ApplyIn(storage::Transaction& transaction, const domain::Actor& actor,
                                 const std::string& code, domain::ActionInput input,
                                 Locking locking, bool& denied);
    /// The writes of an action `before` → `result` in `transaction`: its payment order or desk
    /// payment, its uploaded file's link, the new state and event, the outbox rows, the data
    /// store's deposit, the indicator counters and the audit record.
    Outcome<Done> WriteAction(storage::Transaction& transaction, const domain::Actor& actor,
                              const domain::Procedure& procedure, const domain::Dossier& before,
                              const domain::ActionInput& input, const domain::ActionResult& result);
    /// Links an uploaded file to `dossier` in the action's transaction, within the storage
    /// quotas (413 storage_quota_exceeded, param dossier or account, when over).
    Outcome<Done> LinkUpload(storage::Transaction& transaction, const domain::Dossier& dossier,
                             const domain::ActionInput& input) const;
    DossierView View(const domain::Actor& actor, domain::Dossier dossier,
                     const domain::IsWithinAgency& is_within) const;
    /// Reads the dossier with `code` in a read transaction (no access check).
    Outcome<std::optional<domain::Dossier>> FindDossier(const std::string& code);
    Outcome<domain::Dossier> LoadVisible(const domain::Actor& actor, const std::string& code,
                                         const domain::IsWithinAgency& is_within);
    void RecordDenied(const domain::Actor& actor, const std::string& action,
                      const std::string& code);
    /// Audits the read of `dossier` and returns it when `actor` may read it; otherwise answers
    /// not found (recording the refusal when the dossier exists, so that its existence is not
    /// revealed).
    Outcome<domain::Dossier> RecordRead(const domain::Actor& actor,
                                        std::optional<domain::Dossier> dossier,
                                        const domain::IsWithinAgency& is_within,
                                        const std::string& code);

    storage::Database& database_;
    CatalogService& catalog_;
    DeadlineSource& deadlines_;
    const Clock& clock_;
    DossierOptions options_;
    LoginThrottle lookup_throttle_{{20, 60, std::chrono::minutes(15)}};
    SubmissionRate submission_rate_;
};

/// Returns the 400 `invalid_parameter` error naming `param`.
Error InvalidDossierInput(std::string param);

/// Checks an applicant's identity fields as the account rules do (kind, ID number, name).
Outcome<Done> ValidateApplicant(const domain::Applicant& applicant);

/// Returns the error that answers a refused action: 404 when the actor may not even see the
/// dossier, else 403.
Error DossierNotFound(const std::string& code);

/// Returns the 409 `invalid_transition` error for `action`, listing what the actor may do now.
Error InvalidTransition(domain::DossierAction action,
                        const std::vector<domain::DossierAction>& allowed);

}  // namespace motcua::services
