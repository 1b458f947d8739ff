#include "domain/payments/payment_allocation.hpp"

#include <algorithm>

namespace motcua::domain {

std::vector<PaidLine> AllocatePayment(const std::vector<PaidLine>& due, std::int64_t paid_before,
                                      std::int64_t amount) {
    std::vector<PaidLine> ordered;
    for (const char* kind : {"charge", "fee"}) {
        for (const auto& line : due) {
            if (line.kind == kind && line.amount > 0) {
                ordered.push_back(line);
            }
        }
    }
    std::vector<PaidLine> paid;
    std::int64_t before = std::max<std::int64_t>(0, paid_before);
    std::int64_t rest = std::max<std::int64_t>(0, amount);
    for (auto& line : ordered) {
        const std::int64_t settled_before = std::min(before, line.amount);
        before -= settled_before;
        const std::int64_t part = std::min(rest, line.amount - settled_before);
        rest -= part;
        if (part > 0) {
            line.amount = part;
            paid.push_back(std::move(line));
        }
    }
    if (rest > 0) {
        paid.push_back({.kind = "fee", .code = "", .name = "Khoản nộp khác", .amount = rest});
    }
    return paid;
}

}  // namespace motcua::domain
