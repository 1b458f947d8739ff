#include "services/portal/portal_records_json.hpp"

#include <exception>

#include <boost/json.hpp>

#include "common/time_format.hpp"

namespace motcua::services {
namespace {

namespace json = boost::json;

std::string Text(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

}  // namespace

void ReadPortalDossierFields(const PortalFieldText& text, PortalDossier& dossier) {
    dossier.national_code = text("MaHoSoQG");
    dossier.procedure_code = text("MaTTHC");
    dossier.agency_code = text("MaCoQuanTiepNhan");
    dossier.applicant.kind = text("LoaiDoiTuong") == "2" ? "organisation" : "citizen";
    dossier.applicant.name = text("ChuHoSo");
    dossier.applicant.id_number = text("SoGiayToChuHoSo");
    dossier.applicant.phone = text("SoDienThoai");
    dossier.applicant.email = text("Email");
    dossier.applicant.address = text("DiaChi");
}

std::string PortalDossierJson(const PortalDossier& dossier) {
    json::object object{{"SoThuTu", dossier.seq},
                        {"MaHoSoQG", dossier.national_code},
                        {"MaTTHC", dossier.procedure_code},
                        {"MaCoQuanTiepNhan", dossier.agency_code},
                        {"LoaiDoiTuong", dossier.applicant.kind == "organisation" ? "2" : "1"},
                        {"ChuHoSo", dossier.applicant.name},
                        {"SoGiayToChuHoSo", dossier.applicant.id_number},
                        {"SoDienThoai", dossier.applicant.phone},
                        {"Email", dossier.applicant.email},
                        {"DiaChi", dossier.applicant.address}};
    // Stored as an instant (RFC 3339 UTC), not in the portal's local yyyyMMddHHmmss.
    object["NgayNopHoSo"] =
        dossier.submitted_at ? json::value(FormatUtc(*dossier.submitted_at)) : json::value();
    return json::serialize(object);
}

std::optional<PortalDossier> ParsePortalDossierJson(std::string_view text) {
    try {
        boost::system::error_code error;
        const json::value document = json::parse(text, error);
        if (error || !document.is_object()) {
            return std::nullopt;
        }
        const json::object& object = document.get_object();
        PortalDossier dossier;
        if (const auto* seq = object.if_contains("SoThuTu"); seq != nullptr && seq->is_int64()) {
            dossier.seq = seq->get_int64();
        }
        ReadPortalDossierFields([&object](std::string_view key) { return Text(object, key); },
                                dossier);
        if (dossier.national_code.empty()) {
            return std::nullopt;
        }
        dossier.submitted_at = ParseRfc3339(Text(object, "NgayNopHoSo"));
        return dossier;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string PortalProcedureJson(const PortalProcedure& procedure) {
    return json::serialize(json::object{{"MaTTHC", procedure.code},
                                        {"TenTTHC", procedure.name_vi},
                                        {"MaLinhVuc", procedure.field_code},
                                        {"TenLinhVuc", procedure.field_name_vi},
                                        {"CoQuanThucHien", procedure.agency},
                                        {"ThoiHanGiaiQuyet", procedure.processing_time}});
}

std::string PortalAgencyJson(const PortalAgency& agency) {
    return json::serialize(json::object{{"MaCoQuan", agency.code},
                                        {"TenCoQuan", agency.name_vi},
                                        {"MaCoQuanCha", agency.parent_code}});
}

}  // namespace motcua::services
