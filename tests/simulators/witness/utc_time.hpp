// The witness's instants: UTC text of the shape YYYY-MM-DDTHH:MM:SS[.fraction]Z, as clients send
// `anchored_at` and as the witness answers `received_at`.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace motcua::sim::witness {

/// `time` as YYYY-MM-DDTHH:MM:SS.ffffffZ (microseconds, UTC).
std::string FormatUtc(std::chrono::system_clock::time_point time);

/// Whether `text` has the shape of a UTC instant: 20–40 characters, YYYY-MM-DDTHH:MM:SS with
/// digits where the letters are, then optionally '.' and at least one digit, then 'Z'. The
/// shape only: the witness keeps the client's text and never reads the date.
bool IsUtcTime(std::string_view text);

}  // namespace motcua::sim::witness
