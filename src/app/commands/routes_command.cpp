// `motcua routes`: prints every HTTP route, one "METHOD PATTERN" a line.
#include <fmt/format.h>

#include "api/api_context.hpp"
#include "api/errors.hpp"
#include "api/http_api.hpp"
#include "app/commands/commands.hpp"

namespace motcua::app {

void RegisterRoutesCommand(CLI::App& cli, CommandTable& table) {
    auto* routes = cli.add_subcommand("routes", "print every HTTP route");
    table.Add(routes, [](App& app) {
        AppServices* services = app.Open();
        if (services == nullptr) {
            return 1;
        }
        const api::ErrorRenderer errors(app.GetMessages());
        api::ApiContext context{services->catalog, errors};
        api::HttpApi http_api(context, {});
        for (const auto& route : http_api.GetRoutes()) {
            fmt::print("{} {}\n", route.method, route.pattern);
        }
        return 0;
    });
}

}  // namespace motcua::app
