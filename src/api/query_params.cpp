#include "api/query_params.hpp"

#include <algorithm>
#include <charconv>

namespace motcua::api {
Outcome<std::optional<std::string>> QueryParams::Text(std::string_view name) const {
    std::optional<std::string> found;
    for (const auto& [key, value] : request_.query) {
        if (key == name) {
            if (found) {
                return InvalidParameter(name);
            }
            found = value;
        }
    }
    return found;
}

Outcome<std::optional<std::string>> QueryParams::NonEmptyText(std::string_view name) const {
    MOTCUA_ASSIGN_OR_RETURN(auto text, Text(name));
    if (text && text->empty()) {
        return InvalidParameter(name);
    }
    return text;
}

Outcome<int> QueryParams::Integer(std::string_view name, int fallback) const {
    MOTCUA_ASSIGN_OR_RETURN(auto text, Text(name));
    if (!text) {
        return fallback;
    }
    const std::string& digits = *text;
    int number = 0;
    const auto* end = digits.data() + digits.size();
    const auto [stop, error] = std::from_chars(digits.data(), end, number);
    if (digits.empty() || error != std::errc{} || stop != end) {
        return InvalidParameter(name);
    }
    return number;
}

Outcome<bool> QueryParams::Flag(std::string_view name) const {
    MOTCUA_ASSIGN_OR_RETURN(auto text, Text(name));
    if (!text || *text == "false" || *text == "0") {
        return false;
    }
    if (*text == "true" || *text == "1") {
        return true;
    }
    return InvalidParameter(name);
}

Outcome<Done> QueryParams::RejectUnknown(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, value] : request_.query) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            return InvalidParameter(key);
        }
    }
    return Done{};
}

}  // namespace motcua::api
