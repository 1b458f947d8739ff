// How money changed hands at the desk (docs/payments.md §4): cash, or a card or a bank transfer,
// which carry the terminal slip's or the transfer's reference. A payment taken and a refund paid
// back name their method the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::domain {

/// What is wrong with a method and its reference: the field ("method" or "reference") and why.
struct MethodFault {
    std::string field;
    std::string detail;
};

/// nullopt when `method` is cash (or empty), card or transfer and `reference` is 1–64 of
/// A–Z a–z 0–9 . _ / - (required for card and transfer, optional for cash).
std::optional<MethodFault> FindMethodFault(std::string_view method, std::string_view reference);

}  // namespace motcua::domain
