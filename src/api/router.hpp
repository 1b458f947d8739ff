// Router: matches a method and decoded path segments against the route table (api/routes.cpp).
// A pattern is a path with {name} placeholders: "/api/v1/procedures/{code}". A path that matches
// some pattern but not with this method is a 405 with the allowed methods.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "api/http_types.hpp"

namespace motcua::api {

using Handler = std::function<Response(const Request&, const PathParams&)>;

/// Who may call a route: anyone, or only a signed-in caller — the anonymous get 401 before the
/// handler reads anything, so that no validation answer tells them the route's rules.
enum class Caller { kSignedIn, kAnyone };

struct Route {
    std::string method;
    std::string pattern;
    Handler handler;
    Caller caller = Caller::kSignedIn;
};

/// The outcome of a lookup: a route (with its index for metrics) or why none applies.
struct RouteMatch {
    const Route* route = nullptr;
    std::size_t index = 0;
    PathParams params;
    std::vector<std::string> allowed_methods;  // Non-empty when the path exists with other methods.
};

class Router {
public:
    explicit Router(std::vector<Route> routes);
    /// Finds the route for `method` and `segments`; HEAD is served by the GET route.
    RouteMatch Match(const std::string& method, const std::vector<std::string>& segments) const;
    const std::vector<Route>& GetRoutes() const { return routes_; }

private:
    struct CompiledRoute {
        std::vector<std::string> parts;  // "{...}" parts are placeholders.
    };
    std::vector<Route> routes_;
    std::vector<CompiledRoute> compiled_;
};

}  // namespace motcua::api
