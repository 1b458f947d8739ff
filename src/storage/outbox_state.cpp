#include <array>
#include <string_view>

#include "storage/outbox_store.hpp"

namespace motcua::storage {
namespace {

constexpr std::array<std::pair<OutboxState, const char*>, 4> kNames = {{
    {OutboxState::kPending, "pending"},
    {OutboxState::kDelivered, "delivered"},
    {OutboxState::kDead, "dead"},
    {OutboxState::kSkipped, "skipped"},
}};

}  // namespace

const char* OutboxStateName(OutboxState state) {
    for (const auto& [value, name] : kNames) {
        if (value == state) {
            return name;
        }
    }
    return "pending";
}

std::optional<OutboxState> ParseOutboxState(std::string_view name) {
    for (const auto& [value, text] : kNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace motcua::storage
