// `motcua keys create|import|list|rotate`: the agencies' signing keys in signing_keys_dir
// (signing/key_store.hpp, docs/e-results.md §2). Private keys stay in files of mode 0600 there,
// never in the database or its backups.
#include <chrono>
#include <memory>

#include <fmt/format.h>

#include "app/commands/commands.hpp"
#include "app/console_output.hpp"
#include "signing/key_store.hpp"

namespace motcua::app {
namespace {

struct KeyOptions {
    std::string agency;
    std::string name;
    std::string key_file;
    std::string cert_file;
};

std::int64_t NowSeconds(const App& app) {
    return std::chrono::duration_cast<std::chrono::seconds>(app.GetClock().Now().time_since_epoch())
        .count();
}

int Report(const Outcome<signing::KeyEntry>& made, const char* verb) {
    if (!made) {
        PrintError(made.GetError());
        return 1;
    }
    const auto& entry = made.Value();
    fmt::print("{} key {} of {}: {} (valid to {}, SHA-256 {})\n", verb, entry.number, entry.agency,
               entry.certificate.subject, entry.certificate.not_after, entry.certificate.sha256);
    return 0;
}

}  // namespace

void RegisterKeysCommand(CLI::App& cli, CommandTable& table) {
    auto* keys = cli.add_subcommand("keys", "the agencies' signing keys for electronic results");
    keys->require_subcommand(1);
    auto options = std::make_shared<KeyOptions>();

    auto* create = keys->add_subcommand(
        "create", "make a key for an agency, certified by the demo authority, and sign with it");
    create->add_option("--agency", options->agency, "agency code")->required();
    create->add_option("--name", options->name, "name in the certificate (default: the code)");
    table.Add(create, [options](App& app) {
        signing::KeyStore store(app.GetConfig().GetSigningKeysDir());
        return Report(store.Create(options->agency, options->name, NowSeconds(app)), "created");
    });

    auto* rotate = keys->add_subcommand(
        "rotate", "replace an agency's key with a new one; results signed before still verify");
    rotate->add_option("--agency", options->agency, "agency code")->required();
    rotate->add_option("--name", options->name, "name in the certificate (default: the code)");
    table.Add(rotate, [options](App& app) {
        signing::KeyStore store(app.GetConfig().GetSigningKeysDir());
        if (!store.Current(options->agency)) {
            PrintError(MakeError(ErrorKind::kNotFound, "no_signing_key", options->agency));
            return 1;
        }
        return Report(store.Create(options->agency, options->name, NowSeconds(app)), "rotated to");
    });

    auto* import = keys->add_subcommand(
        "import", "take a key and certificate (from a licensed CA) as an agency's signing key");
    import->add_option("--agency", options->agency, "agency code")->required();
    import->add_option("--key", options->key_file, "PEM private key file")->required();
    import->add_option("--cert", options->cert_file, "PEM certificate, then its issuers")
        ->required();
    table.Add(import, [options](App& app) {
        signing::KeyStore store(app.GetConfig().GetSigningKeysDir());
        return Report(store.Import(options->agency, options->key_file, options->cert_file),
                      "imported");
    });

    auto* list = keys->add_subcommand("list", "every agency's keys, the current one marked *");
    list->add_option("--agency", options->agency, "only this agency");
    table.Add(list, [options](App& app) {
        signing::KeyStore store(app.GetConfig().GetSigningKeysDir());
        auto entries = store.List(options->agency);
        if (!entries) {
            PrintError(entries.GetError());
            return 1;
        }
        for (const auto& entry : entries.Value()) {
            fmt::print("{} {:<16} {:>3}  {}  {} → {}  {}\n", entry.current ? '*' : ' ',
                       entry.agency, entry.number, entry.certificate.subject,
                       entry.certificate.not_before, entry.certificate.not_after,
                       entry.certificate.sha256.substr(0, 16));
        }
        fmt::print("{} keys in {}\n", entries.Value().size(), store.Root().string());
        return 0;
    });
}

}  // namespace motcua::app
