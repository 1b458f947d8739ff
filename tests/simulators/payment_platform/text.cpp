#include "simulators/payment_platform/text.hpp"

#include "simulators/common/html_text.hpp"

namespace motcua::sim::payment_platform {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

}  // namespace

std::string FormatDong(std::int64_t amount) { return GroupDigits(amount) + " đồng"; }

std::string CutUtf8(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes) {
        return std::string(text);
    }
    while (bytes > 0 && IsContinuation(text[bytes])) {
        --bytes;
    }
    return std::string(text.substr(0, bytes));
}

}  // namespace motcua::sim::payment_platform
