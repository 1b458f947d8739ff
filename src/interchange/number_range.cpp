#include "interchange/number_range.hpp"

#include <cmath>

#include <boost/json.hpp>

namespace motcua::interchange {
namespace {

// Depth-first in document order; the parsers' max_depth bounds the recursion.
std::optional<std::string> Find(const boost::json::value& json, const std::string& path) {
    if (json.is_double() && !std::isfinite(json.get_double())) {
        return path.empty() ? std::string("$") : path;
    }
    if (json.is_array()) {
        const auto& array = json.get_array();
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (auto found = Find(array[i], path + "[" + std::to_string(i) + "]")) {
                return found;
            }
        }
    } else if (json.is_object()) {
        for (const auto& entry : json.get_object()) {
            std::string child = path;
            if (!child.empty()) {
                child += '.';
            }
            child += entry.key();
            if (auto found = Find(entry.value(), child)) {
                return found;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> FindNumberOutOfRange(const boost::json::value& json) {
    return Find(json, "");
}

}  // namespace motcua::interchange
