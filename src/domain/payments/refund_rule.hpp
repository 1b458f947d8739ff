// Refunds (hoàn trả phí, lệ phí; docs/payments.md §4): money paid back to whoever paid it, with
// the reason written down — a dossier refused or withdrawn before it was handled, a credit no
// dossier could take, a payment made twice. A refund points at one payment and returns at most
// what that payment took.
#pragma once

#include <cstdint>
#include <string>

#include "common/outcome.hpp"

namespace motcua::domain {

/// The most a refund's reason may hold, in bytes of UTF-8.
inline constexpr std::size_t kMaxRefundReason = 1000;

/// A cashier's refund of one payment.
struct RefundClaim {
    std::int64_t amount = 0;  // Đồng; 0: the whole payment.
    std::string method;       // cash (default), card or transfer.
    std::string reference;    // The transfer's or the card slip's; optional for cash.
    std::string reason;
};

/// The amount to pay back when `claim` refunds a payment of `paid` đồng. kInvalid
/// "invalid_refund" naming amount (negative or more than was paid), method, reference or reason
/// (blank, or longer than kMaxRefundReason).
Outcome<std::int64_t> CheckRefund(const RefundClaim& claim, std::int64_t paid);

}  // namespace motcua::domain
