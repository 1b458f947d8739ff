// Numeric ids in request paths (/api/v1/outbox/{id}, /api/v1/payments/{id}/…).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace motcua::api {

/// The id written in `text`: digits only, at least 1, within 64 bits; nullopt otherwise (the
/// caller answers 404, as for an id that names nothing).
std::optional<std::int64_t> ParsePathId(const std::string& text);

}  // namespace motcua::api
