#include "api/documents/document_json.hpp"

#include <boost/json.hpp>

#include "api/json/names.hpp"
#include "common/time_format.hpp"

namespace motcua::api::documents {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

value AgencyOrNull(const services::CatalogSnapshot& snapshot, const std::string& code) {
    if (code.empty()) {
        return nullptr;
    }
    return object{{"code", code}, {"name_vi", json::AgencyName(snapshot, code)}};
}

}  // namespace

object DocumentToJson(const services::StoredDocumentView& view,
                      const services::CatalogSnapshot& snapshot) {
    const auto& d = view.document;
    const domain::Procedure* procedure = snapshot.FindProcedure(d.procedure_code);
    array files;
    for (const auto& file : d.files) {
        files.push_back(object{{"sha256", file.sha256},
                               {"size", file.size},
                               {"media_type", json::StringOrNull(file.media_type)}});
    }
    return {
        {"id", d.id},
        {"kind", d.kind},
        {"title", d.title},
        {"status", view.status},
        {"holder", {{"kind", d.holder_kind}, {"id_number", d.holder_id}}},
        {"source",
         {{"dossier_code", d.source_dossier_code},
          {"procedure_code", d.procedure_code},
          {"procedure_name_vi",
           procedure != nullptr ? value(boost::json::string(procedure->name_vi)) : value(nullptr)},
          {"component_code", json::StringOrNull(d.component_code)}}},
        {"issuing_agency", AgencyOrNull(snapshot, d.issuing_agency)},
        {"deposited_by_agency", AgencyOrNull(snapshot, d.deposited_by_agency)},
        {"result_id", json::StringOrNull(d.result_public_id)},
        {"valid_from", d.valid_from},
        {"valid_until", json::StringOrNull(d.valid_until)},
        {"created_at", StoredInVietnam(d.created_at)},
        {"revoked_at", d.revoked_at.empty()
                           ? value(nullptr)
                           : value(boost::json::string(StoredInVietnam(d.revoked_at)))},
        {"files", std::move(files)}};
}

object DetailToJson(const services::StoredDocumentDetail& detail,
                    const services::CatalogSnapshot& snapshot) {
    object json = DocumentToJson(detail.view, snapshot);
    array history;
    for (const auto& event : detail.history) {
        history.push_back(object{{"at", StoredInVietnam(event.at)},
                                 {"action", event.action},
                                 {"dossier_code", json::StringOrNull(event.dossier_code)},
                                 {"actor", event.actor},
                                 {"note", json::StringOrNull(event.note)}});
    }
    json["history"] = std::move(history);
    return json;
}

}  // namespace motcua::api::documents
