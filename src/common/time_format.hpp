// RFC 3339 text for instants: UTC with microseconds for storage ("2026-11-26T03:04:05.000123Z"),
// Vietnam local time for people and the API ("2026-11-26T10:04:05+07:00").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace motcua {

/// Formats `instant` as UTC with microseconds, e.g. 2026-11-26T03:04:05.000123Z (sorts as text).
std::string FormatUtc(Instant instant);
/// Formats `instant` in Asia/Ho_Chi_Minh to the second, e.g. 2026-11-26T10:04:05+07:00.
std::string FormatVietnam(Instant instant);
/// A stored instant (any RFC 3339 text) as FormatVietnam writes it; the text itself when it is
/// not one (imported history may hold anything).
std::string StoredInVietnam(std::string_view stored);
/// Parses an RFC 3339 date-time with 'Z' or a ±HH:MM offset and optional fraction.
std::optional<Instant> ParseRfc3339(std::string_view text);

}  // namespace motcua
