#include "services/results/result_id.hpp"

#include <array>

#include <sodium.h>

namespace motcua::services {
namespace {

constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
constexpr std::size_t kLength = 26;  // ceil(128 / 5).

}  // namespace

std::string NewResultId() {
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string id;
    unsigned int buffer = 0;
    int bits = 0;
    for (const unsigned char byte : bytes) {
        buffer = (buffer << 8U) | byte;
        bits += 8;
        while (bits >= 5) {
            id += kAlphabet[(buffer >> static_cast<unsigned>(bits - 5)) & 31U];
            bits -= 5;
        }
    }
    if (bits > 0) {
        id += kAlphabet[(buffer << static_cast<unsigned>(5 - bits)) & 31U];
    }
    return id;
}

bool IsResultId(std::string_view text) {
    if (text.size() != kLength) {
        return false;
    }
    for (const char c : text) {
        if (kAlphabet.find(c) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

}  // namespace motcua::services
