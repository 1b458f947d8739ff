// SQL text helpers both backends share.
#pragma once

#include <string>
#include <string_view>

namespace motcua::storage {

/// Returns `text` with LIKE's wildcards escaped by '\', for use with ESCAPE '\'.
std::string EscapeLike(std::string_view text);

}  // namespace motcua::storage
