// `motcua verify FILE.pdf`: checks an electronic result offline, as the verification page does
// (docs/e-results.md §5): its PAdES signature against the trusted authorities of
// signing_keys_dir, and the register's row of the same bytes — issued, revoked or unknown.
// Exit status 0 only for a valid signature on a registered, unrevoked result.
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "app/app_services.hpp"
#include "app/commands/commands.hpp"

namespace motcua::app {

void RegisterVerifyCommand(CLI::App& cli, CommandTable& table) {
    auto* verify = cli.add_subcommand("verify", "check a signed electronic result file");
    auto file = std::make_shared<std::string>();
    verify->add_option("file", *file, "the PDF file")->required();
    table.Add(verify, [file](App& app) {
        std::ifstream in(*file, std::ios::binary);
        if (!in) {
            fmt::print(stderr, "motcua: verify: cannot read {}\n", *file);
            return 2;
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        AppServices* services = app.Open();
        if (services == nullptr) {
            return 2;
        }
        auto check = services->e_results.CheckLocalFile(bytes.str());
        if (!check) {
            fmt::print(stderr, "motcua: verify: {}\n", check.GetError().code);
            return 2;
        }
        const auto& read = check.Value();
        const auto& signature = read.signature;
        fmt::print("file:      {} ({} bytes, SHA-256 {})\n", *file, read.size, read.sha256);
        fmt::print("signature: {}{}\n", signature.valid ? "valid" : "INVALID: ",
                   signature.valid ? "" : signature.reason);
        if (!signature.signer.subject.empty()) {
            fmt::print("signer:    {} (issued by {})\n", signature.signer.subject,
                       signature.signer.issuer);
        }
        if (!signature.signing_time.empty()) {
            fmt::print("signed at: {}\n", signature.signing_time);
        }
        if (!signature.timestamp_time.empty()) {
            fmt::print("timestamp: {} (RFC 3161)\n", signature.timestamp_time);
        }
        bool registered_valid = false;
        if (read.matches) {
            const auto& result = read.registered.result;
            fmt::print("register:  result {} of dossier {}, {}\n", result.public_id,
                       result.dossier_code, read.registered.status);
            if (!result.revoked_at.empty()) {
                fmt::print("revoked:   {} by {}: {}\n", result.revoked_at, result.revoked_by,
                           result.revocation_reason);
            }
            registered_valid = read.registered.status == "valid";
        } else {
            fmt::print("register:  NOT REGISTERED (no result with these bytes)\n");
        }
        const bool valid = signature.valid && registered_valid;
        fmt::print("verdict:   {}\n", valid ? "VALID" : "INVALID");
        return valid ? 0 : 1;
    });
}

}  // namespace motcua::app
