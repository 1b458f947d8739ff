#include "connectors/dvcqg/dvcqg_payload.hpp"

#include <cstdio>

namespace motcua::connectors {
namespace {

using domain::DossierAction;
namespace json = boost::json;

constexpr const char* kDefaultResultName = "Kết quả giải quyết thủ tục hành chính";

// KenhThucHien (docs/domain.md §2.1).
int ChannelCode(domain::Channel channel) {
    switch (channel) {
        case domain::Channel::kDesk:
            return 1;
        case domain::Channel::kOnline:
            return 2;
        case domain::Channel::kPostal:
            return 3;
    }
    return 2;
}

void PutTime(json::object& record, std::string_view key, const std::optional<Instant>& at) {
    if (at) {
        record[key] = FormatPortalTime(*at);
    }
}

bool HasDigitisedComponent(const domain::Dossier& dossier) {
    for (const auto& component : dossier.components) {
        if (component.digitized || !component.reuse_source.empty()) {
            return true;
        }
    }
    return false;
}

bool WasPaidOnline(const domain::Dossier& dossier) {
    return dossier.paid_total > 0 && (dossier.payment_channel == "online_dvcqg" ||
                                      dossier.payment_channel == "online_gateway");
}

}  // namespace

std::vector<DvcqgCall> PlanDvcqgCalls(domain::DossierAction action, bool first_of_dossier) {
    std::vector<DvcqgCall> first = {DvcqgCall::kCreateDossier, DvcqgCall::kPushStep};
    switch (action) {
        case DossierAction::kSyncAck:
            return {};  // The portal's own acknowledgement: nothing to tell it.
        case DossierAction::kSubmit:
        case DossierAction::kReceive:
            return first;
        case DossierAction::kAttach:
        case DossierAction::kRate:
        case DossierAction::kFeedback:
            if (first_of_dossier) {
                return first;
            }
            return {DvcqgCall::kPushStep};
        case DossierAction::kAccept:
        case DossierAction::kRefuse:
        case DossierAction::kForward:
        case DossierAction::kReturnStep:
        case DossierAction::kApprove:
        case DossierAction::kRequestSupplement:
        case DossierAction::kSupplement:
        case DossierAction::kRequestPayment:
        case DossierAction::kPay:
        case DossierAction::kExtend:
        case DossierAction::kFinish:
        case DossierAction::kReturnResult:
        case DossierAction::kStop:
        case DossierAction::kWithdraw:
        case DossierAction::kDigitize:
        case DossierAction::kReuse:
        case DossierAction::kIssueEResult:
        case DossierAction::kMarkOverdue:
            if (first_of_dossier) {
                return first;
            }
            return {DvcqgCall::kPushStep, DvcqgCall::kUpdateDossier};
    }
    return {};
}

std::string FormatPortalTime(Instant instant) {
    const auto local = std::chrono::floor<std::chrono::seconds>(instant) + kVietnamUtcOffset;
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day date{day};
    const std::chrono::hh_mm_ss time{local - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02u%02u%02ld%02ld%02ld", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<long>(time.hours().count()),
                  static_cast<long>(time.minutes().count()),
                  static_cast<long>(time.seconds().count()));
    return text;
}

std::optional<Instant> ParsePortalTime(std::string_view text) {
    if (text.size() != 14 || text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t count) {
        int value = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                           std::chrono::month{static_cast<unsigned>(number(4, 2))},
                                           std::chrono::day{static_cast<unsigned>(number(6, 2))}};
    const int hour = number(8, 2);
    const int minute = number(10, 2);
    const int second = number(12, 2);
    if (!date.ok() || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    return Instant{std::chrono::sys_days{date} + std::chrono::hours{hour} +
                   std::chrono::minutes{minute} + std::chrono::seconds{second} - kVietnamUtcOffset};
}

boost::json::object DossierRecord(const domain::Dossier& dossier,
                                  const services::CatalogSnapshot& catalog) {
    const domain::Procedure* procedure = catalog.FindProcedure(dossier.procedure_code);
    const std::string field_code = !dossier.field_code.empty() ? dossier.field_code
                                   : procedure != nullptr      ? procedure->field_code
                                                               : std::string{};
    const domain::Field* field = catalog.FindField(field_code);
    json::object record;
    record["MaHoSo"] = dossier.code;
    record["MaTTHC"] = dossier.procedure_code;
    record["TenTTHC"] = procedure != nullptr ? procedure->name_vi : std::string{};
    record["MaLinhVuc"] = field_code;
    record["TenLinhVuc"] = field != nullptr ? field->name_vi : std::string{};
    record["KenhThucHien"] = ChannelCode(dossier.channel);
    record["ChuHoSo"] = dossier.applicant.name;
    record["SoGiayToChuHoSo"] = dossier.applicant.id_number;
    record["LoaiDoiTuong"] = dossier.applicant.kind == "organisation" ? 2 : 1;
    record["SoDienThoai"] = dossier.applicant.phone;
    record["Email"] = dossier.applicant.email;
    record["DiaChi"] = dossier.applicant.address;
    record["DonViXuLy"] = dossier.competent_agency;
    record["NoiNopHoSo"] = dossier.receiving_agency;
    PutTime(record, "NgayNopHoSo", dossier.submitted_at);
    PutTime(record, "NgayTiepNhan", dossier.received_at);
    PutTime(record, "NgayHenTra", dossier.due_at);
    PutTime(record, "NgayKetThucXuLy", dossier.finished_at);
    PutTime(record, "NgayTra", dossier.returned_at);
    PutTime(record, "NgayTuChoi", dossier.terminal_at);  // Refused, stopped or withdrawn.
    // The dossier's own national code: 5, 6 and 8 stay what they are (docs/domain.md §2.2).
    record["TrangThaiHoSo"] = domain::StatusCode(dossier.status);
    record["HinhThuc"] = dossier.delivery == "post" ? 1 : 0;
    record["HoSoCoThanhPhanSoHoa"] = HasDigitisedComponent(dossier) ? 1 : 0;
    record["DuocThanhToanTrucTuyen"] = WasPaidOnline(dossier) ? 1 : 0;
    if (!dossier.e_result_sha256.empty()) {
        // The result's name, else the procedure's: the portal wants a name for every file.
        std::string name = kDefaultResultName;
        if (procedure != nullptr && !procedure->result.name_vi.empty()) {
            name = procedure->result.name_vi;
        } else if (procedure != nullptr && !procedure->name_vi.empty()) {
            name = procedure->name_vi;
        }
        json::array results;
        results.push_back(json::object{{"TenGiayTo", name}, {"MaGiayTo", dossier.e_result_sha256}});
        record["DanhSachGiayToKetQua"] = std::move(results);
    }
    return record;
}

boost::json::object StepRecord(const domain::Dossier& dossier, const domain::DossierEvent& event) {
    json::object record;
    record["MaHoSo"] = dossier.code;
    record["NguoiXuLy"] = event.actor_login;
    record["ChucDanh"] = "";  // The event does not carry the actor's title.
    record["ThoiDiemXuLy"] = FormatPortalTime(event.at);
    record["PhongBanXuLy"] = event.agency_code;
    record["NoiDungXuLy"] = domain::ActionName(event.action);
    record["TrangThai"] = domain::StatusCode(event.to);
    record["NgayBatDau"] = FormatPortalTime(event.at);
    PutTime(record, "NgayKetThucTheoQuyDinh", event.due_at);
    record["SoThuTu"] = event.seq;
    return record;
}

boost::json::object ServiceBody(std::string_view service, const DvcqgEnvelope& envelope) {
    return json::object{
        {"service", service}, {"session", envelope.session}, {"madonvi", envelope.unit_code}};
}

boost::json::object PushDossierBody(const services::OutboxItem& item, bool is_updating,
                                    const DvcqgEnvelope& envelope) {
    auto body = ServiceBody(kDvcqgPushDossier, envelope);
    body["isUpdating"] = is_updating;
    body["data"] = json::array{DossierRecord(item.dossier, item.catalog)};
    return body;
}

boost::json::object PushStepBody(const services::OutboxItem& item, const DvcqgEnvelope& envelope) {
    auto body = ServiceBody(kDvcqgPushStep, envelope);
    body["data"] = json::array{StepRecord(item.dossier, item.event)};
    return body;
}

boost::json::object ListPortalDossiersBody(std::int64_t after_seq, const DvcqgEnvelope& envelope) {
    auto body = ServiceBody(kDvcqgListPortalDossiers, envelope);
    body["tuSoThuTu"] = after_seq;
    return body;
}

boost::json::object AuthBody(std::string_view username, std::string_view password) {
    return json::object{{"username", username}, {"password", password}};
}

}  // namespace motcua::connectors
