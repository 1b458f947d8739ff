// The outbox message that carries one anchor of the audit log's head to the witness
// (services/audit/audit_witness.hpp): kind "audit_anchor", payload
// {"seq": 812, "hash": "<64 hex>", "anchored_at": "2026-12-06T10:00:00Z"}.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "services/audit/audit_witness.hpp"

namespace motcua::services {

inline constexpr std::string_view kAuditAnchorMessage = "audit_anchor";

/// The payload of `anchor`.
std::string AnchorPayload(const AuditAnchor& anchor);
/// The anchor a payload carries; nullopt when it is not one (seq ≥ 1, a chain hash, a time).
std::optional<AuditAnchor> ParseAnchorPayload(std::string_view payload);
/// Whether `text` looks like a hash of the chain: 64 lower-case hex digits.
bool IsChainHash(std::string_view text);

}  // namespace motcua::services
