#include "api/json/catalog_responses.hpp"

#include "api/json/names.hpp"
#include "interchange/catalog_json.hpp"

namespace motcua::api::json {
namespace {

using boost::json::array;
using boost::json::object;

void AddNames(const services::CatalogSnapshot& snapshot, const domain::Procedure& procedure,
              object& json) {
    const auto* field = snapshot.FindField(procedure.field_code);
    json["field_name_vi"] = field != nullptr ? field->name_vi : std::string{};
    json["field_name_en"] = field != nullptr ? field->name_en : std::string{};
    json["competent_agency_name_vi"] = AgencyName(snapshot, procedure.competent_agency);
    json["receiving_agency_name_vi"] = AgencyName(snapshot, procedure.receiving_agency);
    json["fee_total_vnd"] = procedure.FeeTotal();
}

}  // namespace

object ProcedureSummary(const services::CatalogSnapshot& snapshot,
                        const domain::Procedure& procedure) {
    object json;
    json.reserve(16);
    json["code"] = procedure.code;
    json["national_code"] = procedure.national_code;
    json["name_vi"] = procedure.name_vi;
    json["name_en"] = procedure.name_en;
    json["field"] = procedure.field_code;
    json["level"] = domain::ProcedureLevelName(procedure.level);
    json["online_level"] = domain::OnlineLevelName(procedure.online_level);
    json["competent_agency"] = StringOrNull(procedure.competent_agency);
    json["receiving_agency"] = StringOrNull(procedure.receiving_agency);
    json["processing_time"] = interchange::ProcessingTimeToJson(procedure.processing_time);
    AddNames(snapshot, procedure, json);
    return json;
}

object ProcedureDetail(const services::CatalogSnapshot& snapshot,
                       const domain::Procedure& procedure) {
    object json = interchange::ProcedureToJson(procedure);
    AddNames(snapshot, procedure, json);
    return json;
}

object AgencySummary(const services::CatalogSnapshot& snapshot, std::size_t position) {
    const auto& agency = snapshot.agencies[position];
    const object full = interchange::AgencyToJson(agency);
    object json;
    for (const char* key : {"code", "legacy_code", "name_vi", "name_en", "kind", "parent",
                            "admin_unit_code", "valid_from", "valid_to"}) {
        json[key] = full.at(key);
    }
    json["child_count"] = snapshot.agency_children[position].size();
    return json;
}

object AgencyDetail(const services::CatalogSnapshot& snapshot, std::size_t position) {
    object json = interchange::AgencyToJson(snapshot.agencies[position]);
    array children;
    for (const auto child : snapshot.agency_children[position]) {
        children.push_back(AgencySummary(snapshot, child));
    }
    json["children"] = std::move(children);
    // Ancestors from the root down, for breadcrumbs.
    array path;
    const auto* cursor = snapshot.FindAgency(snapshot.agencies[position].parent_code);
    for (std::size_t depth = 0; cursor != nullptr && depth < snapshot.agencies.size(); ++depth) {
        path.insert(path.begin(), object{{"code", cursor->code}, {"name_vi", cursor->name_vi}});
        cursor = snapshot.FindAgency(cursor->parent_code);
    }
    json["path"] = std::move(path);
    return json;
}

object AgencyTree(const services::CatalogSnapshot& snapshot, std::size_t position) {
    object json = AgencySummary(snapshot, position);
    array children;
    for (const auto child : snapshot.agency_children[position]) {
        children.push_back(AgencyTree(snapshot, child));
    }
    json["children"] = std::move(children);
    return json;
}

}  // namespace motcua::api::json
