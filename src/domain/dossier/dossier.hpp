// Dossier (hồ sơ): one application for one procedure, from submission or reception to the
// returned result. Its state is a projection of its events: ApplyAction (lifecycle.hpp) is the
// only way it changes, and every change produces exactly one DossierEvent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "domain/catalog/procedure.hpp"
#include "domain/dossier/dossier_status.hpp"

namespace motcua::domain {

enum class Channel { kOnline, kDesk, kPostal };  // KenhThucHien 2, 1, 3 (docs/domain.md §1.4).

const char* ChannelName(Channel channel);
std::optional<Channel> ParseChannel(std::string_view name);

struct Applicant {
    std::string kind = "citizen";  // "citizen" or "organisation".
    std::string id_number;         // Personal ID number or tax code.
    std::string name;
    std::string phone;
    std::string email;
    std::string address;
};

/// One internal step (from the procedure's steps) and its progress.
struct StepState {
    std::string name_vi;
    StepRole role = StepRole::kSpecialist;
    std::string agency_code;  // Where the step is done.
    std::optional<Instant> due_at;
    std::optional<Instant> started_at;
    std::optional<Instant> completed_at;
};

/// A dossier component: whether it was digitised or reused, and its stored files.
struct ComponentState {
    std::string code;
    bool digitized = false;
    std::string reuse_source;          // "national_store", "provincial_store", "database", or "".
    std::vector<std::string> files;    // SHA-256 of stored files.
    std::int64_t reused_document = 0;  // The data store's document it reuses (0: none).
};

struct Dossier {
    std::int64_t id = 0;
    std::string code;
    std::string procedure_code;
    int procedure_version = 1;
    std::string field_code;
    std::string receiving_agency;
    std::string competent_agency;
    std::string current_agency;
    Channel channel = Channel::kOnline;
    Applicant applicant;
    std::int64_t owner_account_id = 0;
    DossierStatus status = DossierStatus::kSubmitted;
    int current_step = 0;
    std::vector<StepState> steps;
    std::vector<ComponentState> components;
    std::optional<Instant> submitted_at;
    std::optional<Instant> received_at;    // Accepted: NgayTiepNhan.
    std::optional<Instant> counting_from;  // When the legal clock started.
    std::optional<Instant> due_at;         // NgayHenTra.
    std::optional<Instant> paused_at;      // Awaiting supplementation since.
    std::optional<Instant> finished_at;    // NgayKetThucXuLy.
    std::optional<Instant> returned_at;    // NgayTra.
    std::optional<Instant> terminal_at;    // Refused, stopped or withdrawn.
    std::optional<Instant> overdue_at;     // When it became overdue (recorded by the system).
    int supplement_requests = 0;
    int extensions = 0;
    std::int64_t fee_total = 0;
    int fee_copies = 1;  // Copies asked for; per-copy fees count them (docs/domain.md §9.1).
    std::string fee_exemption;  // The exemption claimed at submission; empty: none.
    std::int64_t paid_total = 0;
    std::string payment_channel;
    std::string result_kind;  // "electronic", "paper", "none".
    std::string delivery;     // "desk", "post", "online".
    std::string e_result_sha256;
    // SHA-256 of the files uploaded to this dossier, by its applicant or its officers: the only
    // files its components and its result may name and the only ones served for it.
    std::vector<std::string> uploaded_files;
    std::string rating;  // "very_satisfied", "satisfied", "unsatisfied".
    int feedback_count = 0;
    bool synced = false;
    std::string metadata_json;  // Unknown fields of imported dossiers, kept verbatim.
    int event_count = 0;        // The sequence number of the last event.
    std::optional<Instant> last_event_at;
};

/// One recorded change; history is append-only.
struct DossierEvent {
    int seq = 0;
    Instant at;
    DossierAction action = DossierAction::kSubmit;
    std::int64_t actor_id = 0;
    std::string actor_login;
    std::string agency_code;
    std::optional<DossierStatus> from;
    DossierStatus to = DossierStatus::kSubmitted;
    std::string payload_json;       // The action's fields, as given.
    std::optional<Instant> due_at;  // The dossier's due time after the event.
};

}  // namespace motcua::domain
