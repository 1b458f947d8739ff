#include "api/http_types.hpp"

namespace motcua::api {

std::string_view Request::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

}  // namespace motcua::api
