#include "api/path_id.hpp"

#include <charconv>

namespace motcua::api {

std::optional<std::int64_t> ParsePathId(const std::string& text) {
    std::int64_t id = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, id);
    if (text.empty() || error != std::errc{} || stop != end || id <= 0) {
        return std::nullopt;
    }
    return id;
}

}  // namespace motcua::api
