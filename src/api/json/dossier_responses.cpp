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

object DossierViewToJson(const services::CatalogSnapshot& snapshot,
                         const services::DossierView& view) {
    const auto& dossier = view.dossier;
    object json =
        interchange::DossierToJson(dossier, [](Instant instant) { return FormatVietnam(instant); });
    json.erase("owner_account_id");
    json["status_name_vi"] = domain::StatusNameVi(dossier.status);
    json["status_name"] = domain::StatusName(dossier.status);
    json["due_state"] = DueStateName(view.due_state);
    json["procedure_name_vi"] = ProcedureName(snapshot, dossier.procedure_code);
    json["receiving_agency_name_vi"] = AgencyName(snapshot, dossier.receiving_agency);
    json["current_agency_name_vi"] = AgencyName(snapshot, dossier.current_agency);
    auto& steps = json["steps"].as_array();
    for (std::size_t i = 0; i < steps.size() && i < dossier.steps.size(); ++i) {
        steps[i].as_object()["agency_name_vi"] = AgencyName(snapshot, dossier.steps[i].agency_code);
    }
    array allowed;
    for (const auto action : view.allowed_actions) {
        allowed.emplace_back(domain::ActionName(action));
    }
    json["allowed_actions"] = std::move(allowed);
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
