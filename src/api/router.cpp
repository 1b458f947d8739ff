#include "api/router.hpp"

#include <algorithm>

namespace motcua::api {
namespace {

std::vector<std::string> SplitPattern(const std::string& pattern) {
    std::vector<std::string> parts;
    std::size_t start = 1;  // Patterns start with '/'.
    while (start <= pattern.size()) {
        const auto end = std::min(pattern.find('/', start), pattern.size());
        if (end > start) {
            parts.push_back(pattern.substr(start, end - start));
        }
        start = end + 1;
    }
    return parts;
}

bool IsPlaceholder(const std::string& part) {
    return part.size() > 2 && part.front() == '{' && part.back() == '}';
}

}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
    for (const auto& route : routes_) {
        compiled_.push_back({SplitPattern(route.pattern)});
    }
}

RouteMatch Router::Match(const std::string& method,
                         const std::vector<std::string>& segments) const {
    RouteMatch match;
    const std::string& wanted = method == "HEAD" ? std::string("GET") : method;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        const auto& parts = compiled_[i].parts;
        if (parts.size() != segments.size()) {
            continue;
        }
        PathParams params;
        bool matches = true;
        for (std::size_t j = 0; j < parts.size() && matches; ++j) {
            if (IsPlaceholder(parts[j])) {
                matches = !segments[j].empty();
                params.push_back(segments[j]);
            } else {
                matches = parts[j] == segments[j];
            }
        }
        if (!matches) {
            continue;
        }
        if (routes_[i].method == wanted) {
            match.route = &routes_[i];
            match.index = i;
            match.params = std::move(params);
            return match;
        }
        if (std::find(match.allowed_methods.begin(), match.allowed_methods.end(),
                      routes_[i].method) == match.allowed_methods.end()) {
            match.allowed_methods.push_back(routes_[i].method);
        }
    }
    return match;
}

}  // namespace motcua::api
