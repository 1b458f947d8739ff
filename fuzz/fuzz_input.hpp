// The input of a fuzz target as text, and as the '\n'-separated fields that the targets taking
// several values read (seeds stay readable: one value a line).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace motcua::fuzz {

/// Returns the fuzzer's bytes as text.
inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Returns `count` fields: the text up to each '\n' (the last takes the rest of the input; the
/// missing ones are empty).
inline std::vector<std::string_view> Fields(std::string_view text, std::size_t count) {
    std::vector<std::string_view> fields(count);
    for (std::size_t i = 0; i < count && !text.empty(); ++i) {
        const auto end = i + 1 == count ? std::string_view::npos : text.find('\n');
        fields[i] = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    return fields;
}

}  // namespace motcua::fuzz
