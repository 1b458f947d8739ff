#include "simulators/dvcqg/services.hpp"

#include <algorithm>
#include <vector>

#include <boost/json.hpp>

#include "simulators/common/json_body.hpp"
#include "simulators/dvcqg/validation.hpp"

namespace motcua::sim::dvcqg {

namespace json = boost::json;

namespace {

constexpr std::size_t kPortalPageSize = 100;  // LayDanhSachHoSoDVC's page (docs/dvcqg.md §3.4).

SimReply PortalReply(const PortalAnswer& answer) {
    return JsonReply({{"error_code", answer.error_code}, {"message", answer.message}});
}

SimReply ResultReply(json::array result) {
    return JsonReply(
        {{"error_code", "0"}, {"message", "thành công"}, {"result", std::move(result)}});
}

const json::string* StringField(const json::object& body, std::string_view name) {
    const json::value* value = body.if_contains(name);
    return value != nullptr && value->is_string() ? &value->get_string() : nullptr;
}

}  // namespace

PortalServices::PortalServices(PortalOptions options, PortalState& state, Sessions& sessions,
                               const Catalog& catalog)
    : options_(std::move(options)), state_(state), sessions_(sessions), catalog_(catalog) {}

SimReply PortalServices::Invalid(const std::string& field, const std::string& message) {
    state_.Count(counter::kInvalid);
    return JsonReply({{"error_code", "400"}, {"message", message}, {"field", field}});
}

SimReply PortalServices::Auth(const SimRequest& request) {
    state_.Count(counter::kAuth);
    const auto body = ParseObject(request.body);
    if (!body) {
        return Invalid("body", "body: phải là một JSON object");
    }
    const json::string* username = StringField(*body, "username");
    const json::string* password = StringField(*body, "password");
    if (username == nullptr) {
        return Invalid("username", "username: phải là chuỗi");
    }
    if (password == nullptr) {
        return Invalid("password", "password: phải là chuỗi");
    }
    if (*username != options_.username || *password != options_.password) {
        state_.Count(counter::kAuthFailed);
        return PortalReply({"401", "Sai tên đăng nhập hoặc mật khẩu"});
    }
    return JsonReply({{"error_code", "0"},
                      {"message", "thành công"},
                      {"session", sessions_.Open()},
                      {"expires_in", sessions_.Lifetime().count()}});
}

SimReply PortalServices::Api(const SimRequest& request) {
    const auto body = ParseObject(request.body);
    if (!body) {
        return Invalid("body", "body: phải là một JSON object");
    }
    const json::string* service = StringField(*body, "service");
    const bool known = service != nullptr && std::find(kServiceNames.begin(), kServiceNames.end(),
                                                       *service) != kServiceNames.end();
    if (known) {
        state_.CountService(*service);
    }
    const json::string* session = StringField(*body, "session");
    if (session == nullptr || !sessions_.IsValid(std::string(*session))) {
        state_.Count(counter::kSessionErrors);
        return PortalReply({"-9", "Phiên làm việc hết hạn"});
    }
    const json::string* unit = StringField(*body, "madonvi");
    if (unit == nullptr || *unit != options_.unit) {
        state_.Count(counter::kUnitErrors);
        return PortalReply({"403", "Mã đơn vị không được phép"});
    }
    if (!known) {
        return Invalid("service", "service: dịch vụ không tồn tại");
    }
    if (*service == "DongBoHoSoMC") {
        return PushDossiers(request, *body);
    }
    if (*service == "CapNhatTienDoHoSoMC") {
        return PushSteps(request, *body);
    }
    if (*service == "LayDanhSachTTHC") {
        return ResultReply(catalog_.procedures);
    }
    if (*service == "LayDanhMucCoQuan") {
        return ResultReply(catalog_.agencies);
    }
    return ListPortalDossiers(*body);
}

SimReply PortalServices::PushDossiers(const SimRequest& request, const json::object& body) {
    bool is_updating = false;
    if (const json::value* flag = body.if_contains("isUpdating")) {
        if (!flag->is_bool()) {
            return Invalid("isUpdating", "isUpdating: phải là true hoặc false");
        }
        is_updating = flag->get_bool();
    }
    const json::value* data = body.if_contains("data");
    if (data == nullptr || !data->is_array() || data->get_array().empty()) {
        return Invalid("data", "data: phải là mảng hồ sơ khác rỗng");
    }
    std::vector<json::object> dossiers;
    for (const json::value& item : data->get_array()) {
        const std::string where = "data[" + std::to_string(dossiers.size()) + "]";
        if (auto error = ValidateDossier(item, where)) {
            return Invalid(error->field, error->message);
        }
        dossiers.push_back(item.get_object());
    }
    return PortalReply(
        state_.PushDossiers(request.idempotency_key, is_updating, std::move(dossiers)));
}

SimReply PortalServices::PushSteps(const SimRequest& request, const json::object& body) {
    const json::value* data = body.if_contains("data");
    if (data == nullptr || !data->is_array() || data->get_array().empty()) {
        return Invalid("data", "data: phải là mảng bước xử lý khác rỗng");
    }
    std::vector<json::object> steps;
    for (const json::value& item : data->get_array()) {
        const std::string where = "data[" + std::to_string(steps.size()) + "]";
        if (auto error = ValidateStep(item, where)) {
            return Invalid(error->field, error->message);
        }
        steps.push_back(item.get_object());
    }
    return PortalReply(state_.PushSteps(request.idempotency_key, std::move(steps)));
}

SimReply PortalServices::ListPortalDossiers(const json::object& body) {
    std::int64_t after = 0;
    if (const json::value* from = body.if_contains("tuSoThuTu")) {
        if (!from->is_int64() || from->get_int64() < 0) {
            return Invalid("tuSoThuTu", "tuSoThuTu: phải là số nguyên không âm");
        }
        after = from->get_int64();
    }
    return ResultReply(state_.PortalDossiersAfter(after, kPortalPageSize));
}

}  // namespace motcua::sim::dvcqg
