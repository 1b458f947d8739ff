#include "api/json/dossier_responses.hpp"

#include "api/json/names.hpp"
#include "common/time_format.hpp"
#include "interchange/dossier_json.hpp"

namespace motcua::api::json {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

value ProcedureName(const services::CatalogSnapshot& snapshot, const std::string& code) {
    const domain::Procedure* found = snapshot.FindProcedure(code);
    return found == nullptr ? value(nullptr) : value(found->name_vi);
}

value Time(const std::optional<Instant>& instant) {
    return instant ? value(FormatVietnam(*instant)) : value(nullptr);
}

// "Nguyễn Văn An" → "Nguyễn V. A.": enough for the applicant to recognise, little for others.
std::string MaskName(const std::string& name) {
    std::string masked;
    std::size_t start = 0;
    bool first = true;
    while (start < name.size()) {
        const auto end = std::min(name.find(' ', start), name.size());
        if (end > start) {
            const std::string word = name.substr(start, end - start);
            if (!masked.empty()) {
                masked += ' ';
            }
            if (first) {
                masked += word;
                first = false;
            } else {
                // Keep the first UTF-8 character of the word.
                std::size_t length = 1;
                while (length < word.size() &&
                       (static_cast<unsigned char>(word[length]) & 0xC0) == 0x80) {
                    ++length;
                }
                masked += word.substr(0, length) + ".";
            }
        }
        start = end + 1;
    }
    return masked;
}

}  // namespace

const char* DueStateName(domain::calendar::DueState state) {
    switch (state) {
        case domain::calendar::DueState::kOnTime:
            return "on_time";
        case domain::calendar::DueState::kDueSoon:
            return "due_soon";
        case domain::calendar::DueState::kOverdue:
            return "overdue";
    }
    return "on_time";
}

// Every field is named here: a field added to the dossier (or to its stored document) reaches
// the API only when it is added to this list.
object DossierViewToJson(const services::CatalogSnapshot& snapshot,
                         const services::DossierView& view) {
    const auto& dossier = view.dossier;
    array steps;
    steps.reserve(dossier.steps.size());
    for (const auto& step : dossier.steps) {
        steps.push_back(object{{"name_vi", step.name_vi},
                               {"role", domain::StepRoleName(step.role)},
                               {"agency", step.agency_code},
                               {"due_at", Time(step.due_at)},
                               {"started_at", Time(step.started_at)},
                               {"completed_at", Time(step.completed_at)},
                               {"agency_name_vi", AgencyName(snapshot, step.agency_code)}});
    }
    array components;
    components.reserve(dossier.components.size());
    for (const auto& component : dossier.components) {
        boost::json::value reused;  // null, or the data store's document it reuses.
        if (component.reused_document != 0) {
            reused = component.reused_document;
        }
        components.push_back(object{{"code", component.code},
                                    {"digitized", component.digitized},
                                    {"reuse_source", component.reuse_source},
                                    {"reused_document", reused},
                                    {"files", boost::json::value_from(component.files)}});
    }
    array allowed;
    allowed.reserve(view.allowed_actions.size());
    for (const auto action : view.allowed_actions) {
        allowed.emplace_back(domain::ActionName(action));
    }
    const auto& applicant = dossier.applicant;
    object json{
        {"id", dossier.id},
        {"code", dossier.code},
        {"procedure", dossier.procedure_code},
        {"procedure_version", dossier.procedure_version},
        {"field", dossier.field_code},
        {"receiving_agency", dossier.receiving_agency},
        {"competent_agency", dossier.competent_agency},
        {"current_agency", dossier.current_agency},
        {"channel", domain::ChannelName(dossier.channel)},
        {"applicant",
         {{"kind", applicant.kind},
          {"id_number", applicant.id_number},
          {"name", applicant.name},
          {"phone", applicant.phone},
          {"email", applicant.email},
          {"address", applicant.address}}},
        {"status", domain::StatusCode(dossier.status)},
        {"current_step", dossier.current_step},
        {"steps", std::move(steps)},
        {"components", std::move(components)},
        {"submitted_at", Time(dossier.submitted_at)},
        {"received_at", Time(dossier.received_at)},
        {"counting_from", Time(dossier.counting_from)},
        {"due_at", Time(dossier.due_at)},
        {"paused_at", Time(dossier.paused_at)},
        {"finished_at", Time(dossier.finished_at)},
        {"returned_at", Time(dossier.returned_at)},
        {"terminal_at", Time(dossier.terminal_at)},
        {"overdue_at", Time(dossier.overdue_at)},
        {"last_event_at", Time(dossier.last_event_at)},
        {"supplement_requests", dossier.supplement_requests},
        {"extensions", dossier.extensions},
        {"fee_total", dossier.fee_total},
        {"fee_copies", dossier.fee_copies},
        {"fee_exemption", StringOrNull(dossier.fee_exemption)},
        {"paid_total", dossier.paid_total},
        {"payment_channel", dossier.payment_channel},
        {"result_kind", dossier.result_kind},
        {"delivery", dossier.delivery},
        {"e_result_sha256", dossier.e_result_sha256},
        {"rating", dossier.rating},
        {"feedback_count", dossier.feedback_count},
        {"synced", dossier.synced},
        {"event_count", dossier.event_count},
        {"status_name_vi", domain::StatusNameVi(dossier.status)},
        {"status_name", domain::StatusName(dossier.status)},
        {"due_state", DueStateName(view.due_state)},
        {"procedure_name_vi", ProcedureName(snapshot, dossier.procedure_code)},
        {"receiving_agency_name_vi", AgencyName(snapshot, dossier.receiving_agency)},
        {"current_agency_name_vi", AgencyName(snapshot, dossier.current_agency)},
        {"allowed_actions", std::move(allowed)},
    };
    if (!dossier.metadata_json.empty()) {
        boost::system::error_code error;
        auto metadata = boost::json::parse(dossier.metadata_json, error);
        if (!error) {
            json["metadata"] = std::move(metadata);
        }
    }
    return json;
}

object PublicDossierToJson(const services::CatalogSnapshot& snapshot,
                           const services::DossierView& view) {
    const auto& dossier = view.dossier;
    array steps;
    for (const auto& step : dossier.steps) {
        steps.push_back(object{{"name_vi", step.name_vi},
                               {"agency_name_vi", AgencyName(snapshot, step.agency_code)},
                               {"due_at", Time(step.due_at)},
                               {"started_at", Time(step.started_at)},
                               {"completed_at", Time(step.completed_at)}});
    }
    return {{"code", dossier.code},
            {"procedure", dossier.procedure_code},
            {"procedure_name_vi", ProcedureName(snapshot, dossier.procedure_code)},
            {"receiving_agency_name_vi", AgencyName(snapshot, dossier.receiving_agency)},
            {"applicant_name", MaskName(dossier.applicant.name)},
            {"status", domain::StatusCode(dossier.status)},
            {"status_name_vi", domain::StatusNameVi(dossier.status)},
            {"status_name", domain::StatusName(dossier.status)},
            {"submitted_at", Time(dossier.submitted_at)},
            {"received_at", Time(dossier.received_at)},
            {"due_at", Time(dossier.due_at)},
            {"finished_at", Time(dossier.finished_at)},
            {"returned_at", Time(dossier.returned_at)},
            {"due_state", DueStateName(view.due_state)},
            {"steps", std::move(steps)}};
}

object DossierEventJson(const domain::DossierEvent& event) {
    return interchange::DossierEventToJson(event,
                                           [](Instant instant) { return FormatVietnam(instant); });
}

}  // namespace motcua::api::json
