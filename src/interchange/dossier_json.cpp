#include "interchange/dossier_json.hpp"

#include <algorithm>

#include "common/time_format.hpp"
#include "interchange/json_reader.hpp"

namespace motcua::interchange {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

value Time(const std::optional<Instant>& instant, const InstantFormatter& format) {
    return instant ? value(format(*instant)) : value(nullptr);
}

// The files a dossier stored before it listed its uploads names: they came through the upload
// route, the only way to store a file then, so they are taken as its uploads.
std::vector<std::string> FilesNamedBy(const domain::Dossier& dossier) {
    std::vector<std::string> files;
    const auto add = [&](const std::string& sha256) {
        if (!sha256.empty() && std::find(files.begin(), files.end(), sha256) == files.end()) {
            files.push_back(sha256);
        }
    };
    for (const auto& component : dossier.components) {
        std::for_each(component.files.begin(), component.files.end(), add);
    }
    add(dossier.e_result_sha256);
    return files;
}

}  // namespace

object DossierToJson(const domain::Dossier& dossier, const InstantFormatter& format) {
    array steps;
    for (const auto& step : dossier.steps) {
        steps.push_back(object{{"name_vi", step.name_vi},
                               {"role", domain::StepRoleName(step.role)},
                               {"agency", step.agency_code},
                               {"due_at", Time(step.due_at, format)},
                               {"started_at", Time(step.started_at, format)},
                               {"completed_at", Time(step.completed_at, format)}});
    }
    array components;
    for (const auto& component : dossier.components) {
        object entry{{"code", component.code},
                     {"digitized", component.digitized},
                     {"reuse_source", component.reuse_source},
                     {"files", boost::json::value_from(component.files)}};
        if (component.reused_document != 0) {
            entry["reused_document"] = component.reused_document;
        }
        components.push_back(std::move(entry));
    }
    object json;
    json["id"] = dossier.id;
    json["code"] = dossier.code;
    json["procedure"] = dossier.procedure_code;
    json["procedure_version"] = dossier.procedure_version;
    json["field"] = dossier.field_code;
    json["receiving_agency"] = dossier.receiving_agency;
    json["competent_agency"] = dossier.competent_agency;
    json["current_agency"] = dossier.current_agency;
    json["channel"] = domain::ChannelName(dossier.channel);
    json["applicant"] = {
        {"kind", dossier.applicant.kind},   {"id_number", dossier.applicant.id_number},
        {"name", dossier.applicant.name},   {"phone", dossier.applicant.phone},
        {"email", dossier.applicant.email}, {"address", dossier.applicant.address}};
    json["owner_account_id"] = dossier.owner_account_id;
    json["status"] = domain::StatusCode(dossier.status);
    json["current_step"] = dossier.current_step;
    json["steps"] = std::move(steps);
    json["components"] = std::move(components);
    json["submitted_at"] = Time(dossier.submitted_at, format);
    json["received_at"] = Time(dossier.received_at, format);
    json["counting_from"] = Time(dossier.counting_from, format);
    json["due_at"] = Time(dossier.due_at, format);
    json["paused_at"] = Time(dossier.paused_at, format);
    json["finished_at"] = Time(dossier.finished_at, format);
    json["returned_at"] = Time(dossier.returned_at, format);
    json["terminal_at"] = Time(dossier.terminal_at, format);
    json["overdue_at"] = Time(dossier.overdue_at, format);
    json["last_event_at"] = Time(dossier.last_event_at, format);
    json["supplement_requests"] = dossier.supplement_requests;
    json["extensions"] = dossier.extensions;
    json["fee_total"] = dossier.fee_total;
    json["fee_copies"] = dossier.fee_copies;
    json["fee_exemption"] = dossier.fee_exemption;
    json["paid_total"] = dossier.paid_total;
    json["payment_channel"] = dossier.payment_channel;
    json["result_kind"] = dossier.result_kind;
    json["delivery"] = dossier.delivery;
    json["e_result_sha256"] = dossier.e_result_sha256;
    json["uploaded_files"] = boost::json::value_from(dossier.uploaded_files);
    json["rating"] = dossier.rating;
    json["feedback_count"] = dossier.feedback_count;
    json["synced"] = dossier.synced;
    json["event_count"] = dossier.event_count;
    if (!dossier.metadata_json.empty()) {
        json["metadata"] = boost::json::parse(dossier.metadata_json);
    }
    return json;
}

Outcome<domain::Dossier> DossierFromJson(const object& json) {
    JsonReader reader(json, "dossier", Nulls::kAbsent);
    domain::Dossier dossier;
    dossier.id = reader.Integer("id", true).value_or(0);
    dossier.code = reader.String("code", true);
    dossier.procedure_code = reader.String("procedure", true);
    dossier.procedure_version =
        static_cast<int>(reader.Integer("procedure_version", true).value_or(1));
    dossier.field_code = reader.String("field", false);
    dossier.receiving_agency = reader.String("receiving_agency", true);
    dossier.competent_agency = reader.String("competent_agency", true);
    dossier.current_agency = reader.String("current_agency", true);
    dossier.channel =
        domain::ParseChannel(reader.String("channel", true)).value_or(domain::Channel::kOnline);
    if (const auto* applicant = reader.Object("applicant", true)) {
        JsonReader person(*applicant, "dossier.applicant", Nulls::kAbsent);
        dossier.applicant = {person.String("kind", true),   person.String("id_number", true),
                             person.String("name", true),   person.String("phone", false),
                             person.String("email", false), person.String("address", false)};
    }
    dossier.owner_account_id = reader.Integer("owner_account_id", true).value_or(0);
    dossier.status =
        domain::StatusFromCode(static_cast<int>(reader.Integer("status", true).value_or(1)))
            .value_or(domain::DossierStatus::kSubmitted);
    dossier.current_step = static_cast<int>(reader.Integer("current_step", true).value_or(0));
    if (const auto* steps = reader.Array("steps", true)) {
        for (const auto& item : *steps) {
            JsonReader step(item.as_object(), "dossier.steps", Nulls::kAbsent);
            domain::StepState state;
            state.name_vi = step.String("name_vi", true);
            state.role = domain::ParseStepRole(step.String("role", true))
                             .value_or(domain::StepRole::kSpecialist);
            state.agency_code = step.String("agency", true);
            state.due_at = step.Time("due_at");
            state.started_at = step.Time("started_at");
            state.completed_at = step.Time("completed_at");
            dossier.steps.push_back(std::move(state));
        }
    }
    if (const auto* components = reader.Array("components", true)) {
        for (const auto& item : *components) {
            JsonReader component(item.as_object(), "dossier.components", Nulls::kAbsent);
            domain::ComponentState state;
            state.code = component.String("code", true);
            state.digitized = component.Boolean("digitized", true).value_or(false);
            state.reuse_source = component.String("reuse_source", false);
            state.reused_document = component.Integer("reused_document", false).value_or(0);
            if (const auto* files = component.Array("files", false)) {
                for (const auto& file : *files) {
                    state.files.emplace_back(file.as_string());
                }
            }
            dossier.components.push_back(std::move(state));
        }
    }
    dossier.submitted_at = reader.Time("submitted_at");
    dossier.received_at = reader.Time("received_at");
    dossier.counting_from = reader.Time("counting_from");
    dossier.due_at = reader.Time("due_at");
    dossier.paused_at = reader.Time("paused_at");
    dossier.finished_at = reader.Time("finished_at");
    dossier.returned_at = reader.Time("returned_at");
    dossier.terminal_at = reader.Time("terminal_at");
    dossier.overdue_at = reader.Time("overdue_at");
    dossier.last_event_at = reader.Time("last_event_at");
    dossier.supplement_requests =
        static_cast<int>(reader.Integer("supplement_requests", true).value_or(0));
    dossier.extensions = static_cast<int>(reader.Integer("extensions", true).value_or(0));
    dossier.fee_total = reader.Integer("fee_total", true).value_or(0);
    // Absent from the documents stored before fees had copies and exemptions: one copy, none.
    dossier.fee_copies = static_cast<int>(reader.Integer("fee_copies", false).value_or(1));
    dossier.fee_exemption = reader.String("fee_exemption", false);
    dossier.paid_total = reader.Integer("paid_total", true).value_or(0);
    dossier.payment_channel = reader.String("payment_channel", false);
    dossier.result_kind = reader.String("result_kind", false);
    dossier.delivery = reader.String("delivery", false);
    dossier.e_result_sha256 = reader.String("e_result_sha256", false);
    if (const auto* uploaded = reader.Array("uploaded_files", false)) {
        for (const auto& file : *uploaded) {
            dossier.uploaded_files.emplace_back(file.as_string());
        }
    } else {
        dossier.uploaded_files = FilesNamedBy(dossier);
    }
    dossier.rating = reader.String("rating", false);
    dossier.feedback_count = static_cast<int>(reader.Integer("feedback_count", false).value_or(0));
    dossier.synced = reader.Boolean("synced", false).value_or(false);
    dossier.event_count = static_cast<int>(reader.Integer("event_count", true).value_or(0));
    if (const auto* metadata = reader.Object("metadata", false)) {
        dossier.metadata_json = boost::json::serialize(*metadata);
    }
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return dossier;
}

object DossierEventToJson(const domain::DossierEvent& event, const InstantFormatter& format) {
    boost::system::error_code error;
    auto payload = boost::json::parse(event.payload_json, error);
    return {{"seq", event.seq},
            {"at", format(event.at)},
            {"action", domain::ActionName(event.action)},
            {"actor_id", event.actor_id},
            {"actor_login", event.actor_login},
            {"agency", event.agency_code},
            {"from_status", event.from ? value(domain::StatusCode(*event.from)) : value(nullptr)},
            {"to_status", domain::StatusCode(event.to)},
            {"payload", error ? value(object{}) : payload},
            {"due_at", Time(event.due_at, format)}};
}

Outcome<domain::Dossier> ParseStoredDossier(std::string_view text, std::int64_t id) {
    unsigned char arena[16384];
    boost::json::monotonic_resource resource(arena, sizeof arena);
    boost::system::error_code error;
    value parsed = boost::json::parse(text, error, &resource);
    if (error || !parsed.is_object()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {},
                         "stored dossier does not parse: " +
                             (error ? error.message() : std::string("not an object")));
    }
    // The row's id is the dossier's: a stored document carries none (or, written before
    // 2026-12, a copy of it).
    parsed.as_object()["id"] = id;
    auto dossier = DossierFromJson(parsed.as_object());
    if (!dossier) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {},
                         "stored dossier does not parse: " + dossier.GetError().detail);
    }
    return dossier;
}

}  // namespace motcua::interchange
