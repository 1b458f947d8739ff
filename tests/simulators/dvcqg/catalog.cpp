#include "simulators/dvcqg/catalog.hpp"

#include <fstream>
#include <sstream>

#include <boost/json.hpp>

namespace motcua::sim::dvcqg {

namespace json = boost::json;

namespace {

json::object Procedure(std::string_view code, std::string_view name, std::string_view field,
                       std::string_view field_name, std::string_view agency, int days) {
    return {{"MaTTHC", code},           {"TenTTHC", name},          {"MaLinhVuc", field},
            {"TenLinhVuc", field_name}, {"CoQuanThucHien", agency}, {"ThoiHanGiaiQuyet", days}};
}

json::object Agency(std::string_view code, std::string_view name, std::string_view parent) {
    return {{"MaCoQuan", code}, {"TenCoQuan", name}, {"MaCoQuanCha", parent}};
}

}  // namespace

Catalog BuiltInCatalog() {
    Catalog catalog;
    catalog.procedures = {
        Procedure("1.001193", "Đăng ký khai sinh", "HT", "Hộ tịch", "UBND cấp xã", 1),
        Procedure("1.000894", "Đăng ký kết hôn", "HT", "Hộ tịch", "UBND cấp xã", 5),
        Procedure("1.010723", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "XD", "Hoạt động xây dựng",
                  "UBND cấp huyện", 15),
        Procedure("2.001888", "Cấp giấy chứng nhận đăng ký hộ kinh doanh", "DKKD",
                  "Thành lập và hoạt động của hộ kinh doanh", "UBND cấp huyện", 3),
    };
    catalog.agencies = {
        Agency("H40", "UBND tỉnh", ""),
        Agency("H40.01", "Sở Tư pháp", "H40"),
        Agency("H40.20", "UBND thành phố", "H40"),
        Agency("H40.20.01", "UBND phường Trung tâm", "H40.20"),
    };
    return catalog;
}

std::optional<std::string> LoadCatalog(const std::string& path, Catalog& catalog) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return "cannot read " + path;
    }
    std::ostringstream text;
    text << file.rdbuf();
    boost::system::error_code error;
    json::value document = json::parse(text.str(), error);
    if (error || !document.is_object()) {
        return path + ": not a JSON object";
    }
    const auto* procedures = document.get_object().if_contains("procedures");
    const auto* agencies = document.get_object().if_contains("agencies");
    if (procedures == nullptr || !procedures->is_array() || agencies == nullptr ||
        !agencies->is_array()) {
        return path + R"(: needs the arrays "procedures" and "agencies")";
    }
    catalog.procedures = procedures->get_array();
    catalog.agencies = agencies->get_array();
    return std::nullopt;
}

}  // namespace motcua::sim::dvcqg
