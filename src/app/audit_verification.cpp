#include "app/audit_verification.hpp"

#include <fmt/format.h>

#include "app/console_output.hpp"

namespace motcua::app {

int VerifyAuditLog(App& app) {
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    auto verification = services->audit.Verify();
    if (!verification) {
        PrintError(verification.GetError());
        return 1;
    }
    const auto& result = verification.Value();
    if (!result.ok) {
        fmt::print(stderr, "audit log BROKEN at row {}: {} ({} rows read)\n", result.failed_seq,
                   result.reason, result.records);
        return 1;
    }
    const std::string witness =
        result.witness_checked ? fmt::format(" ({} held by the witness)", result.witnessed) : "";
    fmt::print(
        "audit log intact: {} rows, chain and head verified, {} anchors found{}; head {} {}\n",
        result.records, result.anchors, witness, result.head_seq, result.head_hash);
    return 0;
}

}  // namespace motcua::app
