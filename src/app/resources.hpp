// Files embedded into the binary at build time (cmake/embed.cmake): the message catalogue, the
// OpenAPI document and the demo province's reference data. Names: "messages/vi.tsv",
// "messages/en.tsv", "openapi.json", "demo/agencies.json", "demo/procedures.json".
#pragma once

#include <string_view>
#include <vector>

namespace motcua::resources {

/// Returns the embedded file named `name`, or an empty view.
std::string_view Get(std::string_view name);
std::vector<std::string_view> Names();

}  // namespace motcua::resources
