// Text for the payment pages and the receipt: amounts in đồng and cutting UTF-8 (HTML escaping:
// simulators/common/html_text.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace motcua::sim::payment_platform {

/// 150000 → "150.000 đồng" (Vietnamese thousands separator).
std::string FormatDong(std::int64_t amount);
/// At most `bytes` bytes of `text`, cut on a UTF-8 character boundary.
std::string CutUtf8(std::string_view text, std::size_t bytes);

}  // namespace motcua::sim::payment_platform
