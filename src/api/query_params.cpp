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

Outcome<int> QueryParams::Integer(std::string_view name, int fallback) const {
    auto text = Text(name);
    if (!text) {
        return text.GetError();
    }
    if (!text.Value()) {
        return fallback;
    }
    const std::string& digits = *text.Value();
    int number = 0;
    const auto* end = digits.data() + digits.size();
    const auto [stop, error] = std::from_chars(digits.data(), end, number);
    if (digits.empty() || error != std::errc{} || stop != end) {
        return InvalidParameter(name);
    }
    return number;
}

Outcome<bool> QueryParams::Flag(std::string_view name) const {
    auto text = Text(name);
    if (!text) {
        return text.GetError();
    }
    if (!text.Value() || *text.Value() == "false" || *text.Value() == "0") {
        return false;
    }
    if (*text.Value() == "true" || *text.Value() == "1") {
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
