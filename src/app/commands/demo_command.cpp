// `motcua demo`: creates (or refreshes) the demo province — agencies, the catalogue and the demo
// accounts.
#include <fmt/format.h>

#include "app/commands/commands.hpp"
#include "app/console_output.hpp"
#include "app/demo_accounts.hpp"
#include "app/demo_keys.hpp"
#include "app/resources.hpp"

namespace motcua::app {
namespace {

int RunDemo(App& app) {
    app.EnableDemoMode();  // The demo accounts get the demo password.
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    const auto actor = domain::Actor::System("demo");
    auto agencies = services->catalog.ImportAgencies(actor, resources::Get("demo/agencies.json"));
    if (!agencies) {
        PrintError(agencies.GetError());
        return 1;
    }
    PrintSummary("demo agencies", agencies.Value());
    auto procedures =
        services->catalog.ImportProcedures(actor, resources::Get("demo/procedures.json"));
    if (!procedures) {
        PrintError(procedures.GetError());
        return 1;
    }
    PrintSummary("demo procedures", procedures.Value());
    int created = 0;
    for (auto& account : DemoAccounts()) {
        const std::string login = account.login;
        auto result = services->accounts.Create(actor, std::move(account));
        if (result) {
            ++created;
        } else if (result.GetError().code != "login_taken") {
            fmt::print(stderr, "motcua: demo account {}: ", login);
            PrintError(result.GetError());
            return 1;
        }
    }
    fmt::print("demo accounts: {} created (password for all: {})\n", created, kDemoPassword);
    for (const auto& account : DemoAccounts()) {
        fmt::print(
            "  {:<16} {:<14} {}\n", account.login,
            domain::RoleName(account.grants.empty() ? (account.kind == domain::AccountKind::kCitizen
                                                           ? domain::Role::kCitizen
                                                           : domain::Role::kOrganisation)
                                                    : account.grants.front().role),
            account.name);
    }
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(app.GetClock().Now().time_since_epoch())
            .count();
    auto keys = EnsureDemoKeys(app.GetConfig().GetSigningKeysDir(), services->catalog, now);
    if (!keys) {
        PrintError(keys.GetError());
        return 1;
    }
    fmt::print("demo signing keys: {} made in {} (demo authority: MotCua demo CA)\n", keys.Value(),
               app.GetConfig().GetSigningKeysDir());
    fmt::print("Demo province ready in {}\n", app.GetDatabase().Describe());
    return 0;
}

}  // namespace

void RegisterDemoCommand(CLI::App& cli, CommandTable& table) {
    auto* demo = cli.add_subcommand("demo", "create or refresh the demo province's data");
    table.Add(demo, RunDemo);
}

}  // namespace motcua::app
