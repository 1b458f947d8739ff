#include "simulators/common/html_text.hpp"

namespace motcua::sim {

std::string EscapeHtml(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            case '\'':
                escaped += "&#39;";
                break;
            default:
                escaped += c;
        }
    }
    return escaped;
}

// Grouped forward (GCC 12 at -O2 takes std::string::insert for an overlapping memcpy).
std::string GroupDigits(std::int64_t amount) {
    const std::string digits = std::to_string(amount < 0 ? -amount : amount);
    std::string grouped = amount < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            grouped += '.';
        }
        grouped += digits[i];
    }
    return grouped;
}

}  // namespace motcua::sim
