#include "connectors/http/kept_text.hpp"

namespace motcua::connectors {
namespace {

// The length of the well-formed UTF-8 sequence at text[at] (RFC 3629), or 0.
std::size_t SequenceLength(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead == 0xE0) {
        length = 3;
        low = 0xA0;
    } else if (lead == 0xED) {
        length = 3;
        high = 0x9F;
    } else if (lead >= 0xE1 && lead <= 0xEF) {
        length = 3;
    } else if (lead == 0xF0) {
        length = 4;
        low = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
        length = 4;
    } else if (lead == 0xF4) {
        length = 4;
        high = 0x8F;
    } else {
        return 0;
    }
    if (at + length > text.size() || byte(at + 1) < low || byte(at + 1) > high) {
        return 0;
    }
    for (std::size_t i = at + 2; i < at + length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

}  // namespace

std::string KeepText(std::string_view text, std::size_t max_bytes) {
    std::string kept;
    kept.reserve(std::min(text.size(), max_bytes));
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t length = SequenceLength(text, at);
        const std::size_t width = length == 0 ? 1 : length;
        if (kept.size() + width > max_bytes) {
            break;
        }
        if (length == 0) {
            kept.push_back('?');
        } else if (length == 1) {
            const auto c = static_cast<unsigned char>(text[at]);
            kept.push_back(c < 0x20 || c == 0x7f ? ' ' : text[at]);
        } else {
            kept.append(text.substr(at, length));
        }
        at += width;
    }
    return kept;
}

}  // namespace motcua::connectors
