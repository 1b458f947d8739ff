// Which items a payment paid (docs/payments.md §7): a dossier's payments settle its phí (charges)
// before its lệ phí (fees), item by item in the procedure's order, oldest payment first. The
// receipt of a payment lists the items its money went to, phí and lệ phí on receipts of their
// own, because they go to different budgets.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::domain {

/// One item due, or the part of it one payment paid.
struct PaidLine {
    std::string kind;  // "charge" (phí) or "fee" (lệ phí).
    std::string code;
    std::string name;
    std::int64_t amount = 0;
};

/// The parts of the `due` lines that a payment of `amount` paid, when `paid_before` đồng had been
/// paid before it: phí lines first, then lệ phí, each in `due`'s order; lines it paid nothing of
/// are left out. Money beyond what the lines ask for (which the desk refuses) comes back as a
/// last lệ phí line with an empty code, so the lines always add up to `amount`.
std::vector<PaidLine> AllocatePayment(const std::vector<PaidLine>& due, std::int64_t paid_before,
                                      std::int64_t amount);

}  // namespace motcua::domain
