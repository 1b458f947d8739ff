// Duplicate keys in JSON text. RFC 8259 leaves an object with a repeated name to the parser, and
// Boost.JSON keeps the last one: `{"action":"accept","action":"refuse"}` would refuse a dossier
// that a reviewer reading the first key expects accepted. MotCua refuses such input instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::interchange {

/// Returns the first key that appears twice in one object of `text` (decoded, so "a" and
/// "\u0061" are the same key), or nullopt. `text` must already be valid JSON.
std::optional<std::string> FindDuplicateKey(std::string_view text);

}  // namespace motcua::interchange
