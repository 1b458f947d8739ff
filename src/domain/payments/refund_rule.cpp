#include "domain/payments/refund_rule.hpp"

#include "domain/payments/money_method.hpp"

namespace motcua::domain {
namespace {

Error Invalid(std::string field, std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_refund", std::move(field), std::move(detail));
}

bool IsBlank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

Outcome<std::int64_t> CheckRefund(const RefundClaim& claim, std::int64_t paid) {
    if (claim.amount < 0 || claim.amount > paid) {
        return Invalid("amount", "from 1 đồng to what the payment took");
    }
    if (auto fault = FindMethodFault(claim.method, claim.reference)) {
        return Invalid(std::move(fault->field), std::move(fault->detail));
    }
    if (IsBlank(claim.reason) || claim.reason.size() > kMaxRefundReason) {
        return Invalid("reason", "why the money is paid back, at most 1000 bytes");
    }
    return claim.amount == 0 ? paid : claim.amount;
}

}  // namespace motcua::domain
