// The witness protocol v1 (docs/connectors.md §5) as JSON: the bodies MotCua sends and what it
// reads from the answers. Pure functions, so that the rules are tested without a network.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "services/audit/audit_witness.hpp"

namespace motcua::connectors {

inline constexpr std::string_view kWitnessRecordTarget = "/v1/anchors";
inline constexpr std::string_view kWitnessListTarget = "/v1/anchors/list";
inline constexpr int kWitnessPageSize = 1000;

/// {"source", "seq", "hash", "anchored_at"}.
std::string WitnessRecordBody(std::string_view source, const services::AuditAnchor& anchor);
/// {"source", "after_seq", "limit"}.
std::string WitnessListBody(std::string_view source, std::int64_t after_seq);

/// What an answer to a record call means.
struct WitnessRecordAnswer {
    bool delivered = false;  // 201 recorded, or 200 held (the same hash already).
    std::string error;       // Otherwise why, for operators (one line).
};
WitnessRecordAnswer ReadWitnessRecordAnswer(int status, std::string_view body);

/// One page of a list call.
struct WitnessPage {
    std::vector<services::AuditAnchor> anchors;
    bool more = false;
};
/// The page in a 200 answer, each anchor checked (seq ascending and after `after_seq`, 64 hex
/// digits, a time); kUnavailable "witness" naming what is wrong otherwise.
Outcome<WitnessPage> ReadWitnessPage(int status, std::string_view body, std::int64_t after_seq);

}  // namespace motcua::connectors
