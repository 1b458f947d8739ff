// KeepText: text from an external system's answer, made safe for one line of an operator's log
// or an outbox row: cut to a byte budget without splitting a UTF-8 sequence, with invalid bytes
// and control characters replaced. Every connector keeps what it was told this way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::connectors {

/// Bytes kept of any text an external system sends (a message, a code, a record field).
inline constexpr std::size_t kMaxKeptBytes = 2048;

/// Returns `text` cut to at most `max_bytes` without splitting a UTF-8 sequence, invalid bytes
/// and controls replaced ('?' and ' ').
std::string KeepText(std::string_view text, std::size_t max_bytes = kMaxKeptBytes);

}  // namespace motcua::connectors
