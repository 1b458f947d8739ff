// The bodies of the two v1 calls (README.md "The witness"), read and checked. A body that is not
// a JSON object, or a field that is missing, of the wrong type or out of range, is refused with
// 400 {"error": "invalid", "message": "<field>: …"}; unknown fields are ignored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::sim::witness {

inline constexpr std::size_t kLongestSource = 128;
inline constexpr std::int64_t kLargestPage = 1000;

/// POST /v1/anchors.
struct AnchorCall {
    std::string source;
    std::int64_t seq = 0;
    std::string hash;
    std::string anchored_at;
};

/// POST /v1/anchors/list.
struct ListCall {
    std::string source;
    std::int64_t after_seq = 0;
    std::int64_t limit = kLargestPage;
};

/// Reads `body` into `call`; the message naming the first wrong field otherwise ("body" when it is
/// not a JSON object), e.g. "seq: phải là số nguyên ≥ 1 (must be an integer ≥ 1)".
std::optional<std::string> ParseAnchorCall(std::string_view body, AnchorCall& call);
std::optional<std::string> ParseListCall(std::string_view body, ListCall& call);

/// 1–128 characters of [A-Za-z0-9._:-].
bool IsSource(std::string_view text);
/// Exactly 64 lower-case hex digits (a SHA-256 of the audit chain).
bool IsChainHash(std::string_view text);

}  // namespace motcua::sim::witness
