#include "api/json/names.hpp"

namespace motcua::api::json {

boost::json::value AgencyName(const services::CatalogSnapshot& snapshot, const std::string& code) {
    const auto* agency = snapshot.FindAgency(code);
    return agency == nullptr ? boost::json::value(nullptr) : boost::json::value(agency->name_vi);
}

boost::json::value StringOrNull(const std::string& text) {
    return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

}  // namespace motcua::api::json
