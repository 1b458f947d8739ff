// NameTable: the wire names of an enum, one table used in both directions.
//   constexpr NameTable<Color, 2> kColors{{{Color::kRed, "red"}, {Color::kBlue, "blue"}}};
//   NameOf(kColors, Color::kRed) == "red"; ParseName(kColors, "blue") == Color::kBlue.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace motcua {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

/// Returns the name of `value`, or "" when the table lacks it.
template <typename Enum, std::size_t N>
constexpr const char* NameOf(const NameTable<Enum, N>& table, Enum value) {
    for (const auto& [entry, name] : table) {
        if (entry == value) {
            return name;
        }
    }
    return "";
}

/// Returns the value named `name`, or nullopt.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> ParseName(const NameTable<Enum, N>& table, std::string_view name) {
    for (const auto& [entry, entry_name] : table) {
        if (name == entry_name) {
            return entry;
        }
    }
    return std::nullopt;
}

}  // namespace motcua
