#include "api/http_types.hpp"

#include <algorithm>

namespace motcua::api {

std::string_view Request::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

bool Request::HasHeader(std::string_view name) const {
    return std::any_of(headers.begin(), headers.end(),
                       [name](const auto& header) { return header.first == name; });
}

std::optional<std::string_view> Request::BearerToken() const {
    constexpr std::string_view kBearer = "Bearer ";
    const auto authorization = Header("authorization");
    if (!authorization.starts_with(kBearer)) {
        return std::nullopt;
    }
    return authorization.substr(kBearer.size());
}

std::string_view Request::Cookie(std::string_view name) const {
    std::string_view cookies = Header("cookie");
    while (!cookies.empty()) {
        const auto end = cookies.find(';');
        std::string_view pair = cookies.substr(0, end);
        cookies = end == std::string_view::npos ? std::string_view{} : cookies.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ') {
            pair.remove_prefix(1);
        }
        const auto equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
            return pair.substr(equals + 1);
        }
    }
    return {};
}

}  // namespace motcua::api
