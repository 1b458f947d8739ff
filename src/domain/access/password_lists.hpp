// The common-password lists of resources/security/, embedded into the binary at build time
// (cmake/embed.cmake): "common-passwords.txt" (Openwall's list) and "common-passwords-vi.txt".
#pragma once

#include <string_view>
#include <vector>

namespace motcua::domain::password_lists {

/// Returns the list named `name`, or an empty view.
std::string_view Get(std::string_view name);
/// Returns every list's name.
std::vector<std::string_view> Names();

}  // namespace motcua::domain::password_lists
