// `motcua user add|disable|enable|set-password|grant|revoke`: manages accounts from the console
// (audited as the system).
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "app/commands/commands.hpp"
#include "app/console_output.hpp"

namespace motcua::app {
namespace {

/// `motcua user add` arguments.
struct UserSpec {
    std::string kind = "officer";
    std::string login;
    std::string name;
    std::string agency;
    std::string title;
    std::string email;
    std::string phone;
    std::vector<std::string> roles;  // "role" or "role@AGENCY".
    bool password_from_stdin = false;
};

/// The arguments the other `user` subcommands share.
struct UserTarget {
    std::string login;
    std::string role;
    bool password_from_stdin = false;
};

std::string ReadPasswordLine() {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') {
        password.pop_back();
    }
    return password;
}

// Parses "role" or "role@AGENCY".
std::optional<domain::RoleGrant> ParseGrant(const std::string& text) {
    const auto at = text.find('@');
    const auto role = domain::ParseRole(text.substr(0, at));
    if (!role) {
        return std::nullopt;
    }
    return domain::RoleGrant{*role, at == std::string::npos ? "" : text.substr(at + 1)};
}

int AddUser(App& app, const UserSpec& spec) {
    const auto kind = domain::ParseAccountKind(spec.kind);
    if (!kind) {
        fmt::print(stderr, "motcua: --kind must be citizen, organisation or officer\n");
        return 2;
    }
    services::NewAccount account;
    account.kind = *kind;
    account.login = spec.login;
    account.name = spec.name;
    account.agency_code = spec.agency;
    account.title = spec.title;
    account.email = spec.email;
    account.phone = spec.phone;
    for (const auto& text : spec.roles) {
        auto grant = ParseGrant(text);
        if (!grant) {
            fmt::print(stderr, "motcua: unknown role {}\n", text);
            return 2;
        }
        if (grant->agency_code.empty() && *kind == domain::AccountKind::kOfficer) {
            grant->agency_code = spec.agency;
        }
        account.grants.push_back(*grant);
    }
    if (spec.password_from_stdin) {
        account.password = ReadPasswordLine();
    }
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    auto created = services->accounts.Create(domain::Actor::System("user add"), std::move(account));
    if (!created) {
        PrintError(created.GetError());
        return 1;
    }
    fmt::print("account {} created with id {}\n", created.Value().account.login,
               created.Value().account.id);
    if (!created.Value().generated_password.empty()) {
        fmt::print("generated password (shown once): {}\n", created.Value().generated_password);
    }
    return 0;
}

int SetDisabled(App& app, const std::string& login, bool disabled) {
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    const auto actor = domain::Actor::System(disabled ? "user disable" : "user enable");
    auto account = services->accounts.GetByLogin(actor, login);
    auto changed =
        account ? services->accounts.SetDisabled(actor, account.Value().id, disabled) : account;
    if (!changed) {
        PrintError(changed.GetError());
        return 1;
    }
    fmt::print("account {} {}\n", login, disabled ? "disabled" : "enabled");
    return 0;
}

// Reads the new password from standard input, or generates and prints one.
int SetPassword(App& app, const std::string& login, bool from_stdin) {
    const std::string password = from_stdin ? ReadPasswordLine() : std::string{};
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    const auto actor = domain::Actor::System("user set-password");
    auto account = services->accounts.GetByLogin(actor, login);
    if (!account) {
        PrintError(account.GetError());
        return 1;
    }
    auto generated = services->accounts.ResetPassword(actor, account.Value().id, password);
    if (!generated) {
        PrintError(generated.GetError());
        return 1;
    }
    fmt::print("password of {} changed; its sessions were ended\n", login);
    if (!generated.Value().empty()) {
        fmt::print("generated password (shown once): {}\n", generated.Value());
    }
    return 0;
}

int Grant(App& app, const std::string& login, const std::string& role_at_agency, bool grant) {
    const auto parsed = ParseGrant(role_at_agency);
    if (!parsed) {
        fmt::print(stderr, "motcua: unknown role {}\n", role_at_agency);
        return 2;
    }
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    const auto actor = domain::Actor::System(grant ? "user grant" : "user revoke");
    auto account = services->accounts.GetByLogin(actor, login);
    if (!account) {
        PrintError(account.GetError());
        return 1;
    }
    auto changed = grant ? services->accounts.Grant(actor, account.Value().id, *parsed)
                         : services->accounts.Revoke(actor, account.Value().id, *parsed);
    if (!changed) {
        PrintError(changed.GetError());
        return 1;
    }
    fmt::print("{} {} {}\n", login, grant ? "now holds" : "no longer holds", role_at_agency);
    return 0;
}

}  // namespace

void RegisterUserCommand(CLI::App& cli, CommandTable& table) {
    auto* user = cli.add_subcommand("user", "manage accounts from the console (audited as system)");
    user->require_subcommand(1);
    auto spec = std::make_shared<UserSpec>();
    auto* add = user->add_subcommand("add", "create an account");
    add->add_option("--kind", spec->kind, "citizen, organisation or officer")
        ->capture_default_str();
    add->add_option("--login", spec->login, "ID number, tax code or user name")->required();
    add->add_option("--name", spec->name, "full name")->required();
    add->add_option("--agency", spec->agency, "officer's agency code");
    add->add_option("--title", spec->title, "officer's title");
    add->add_option("--email", spec->email, "e-mail address");
    add->add_option("--phone", spec->phone, "phone number");
    add->add_option("--role", spec->roles, "role or role@AGENCY (repeatable)");
    add->add_flag("--password-stdin", spec->password_from_stdin,
                  "read the password from standard input (else one is generated)");
    table.Add(add, [spec](App& app) { return AddUser(app, *spec); });

    auto target = std::make_shared<UserTarget>();
    auto* disable = user->add_subcommand("disable", "disable an account, ending its sessions");
    disable->add_option("LOGIN", target->login)->required();
    table.Add(disable, [target](App& app) { return SetDisabled(app, target->login, true); });
    auto* enable = user->add_subcommand("enable", "enable a disabled account");
    enable->add_option("LOGIN", target->login)->required();
    table.Add(enable, [target](App& app) { return SetDisabled(app, target->login, false); });
    auto* password = user->add_subcommand("set-password", "set or generate a password");
    password->add_option("LOGIN", target->login)->required();
    password->add_flag("--password-stdin", target->password_from_stdin,
                       "read the password from standard input (else one is generated)");
    table.Add(password, [target](App& app) {
        return SetPassword(app, target->login, target->password_from_stdin);
    });
    auto* grant = user->add_subcommand("grant", "grant a role");
    grant->add_option("LOGIN", target->login)->required();
    grant->add_option("ROLE", target->role, "role or role@AGENCY")->required();
    table.Add(grant, [target](App& app) { return Grant(app, target->login, target->role, true); });
    auto* revoke = user->add_subcommand("revoke", "revoke a role");
    revoke->add_option("LOGIN", target->login)->required();
    revoke->add_option("ROLE", target->role, "role or role@AGENCY")->required();
    table.Add(revoke,
              [target](App& app) { return Grant(app, target->login, target->role, false); });
}

}  // namespace motcua::app
