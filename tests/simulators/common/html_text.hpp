// Text for the simulators' HTML pages: escaping, and amounts with the Vietnamese thousands
// separator.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace motcua::sim {

/// `text` with & < > " ' escaped, for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);
/// 125000 → "125.000"; -1500 → "-1.500".
std::string GroupDigits(std::int64_t amount);

}  // namespace motcua::sim
