// The amount a dossier owes (số tiền phải nộp): the procedure's fees (lệ phí) and charges (phí),
// each per dossier or per copy, less those the applicant's exemption covers (docs/domain.md §9.1).
// Computed before submission (the applicant sees it), at submission (the dossier's fee_total)
// and when a payment order is made (its items).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::domain {

/// Copies one dossier may ask for: the bound keeps a per-copy amount × copies far from overflow.
inline constexpr int kMaxCopies = 1000;

/// What the applicant asks for: how many copies, and the exemption claimed (empty: none).
struct FeeRequest {
    int copies = 1;
    std::string exemption;
};

/// One line of the amount due.
struct FeeDueLine {
    FeeKind kind = FeeKind::kFee;
    std::string code;
    std::string name_vi;
    std::string name_en;
    std::int64_t unit_amount = 0;  // Per dossier or per copy.
    int quantity = 1;              // 1, or the copies of a per-copy fee.
    std::int64_t amount = 0;       // unit_amount × quantity; 0 when exempt.
    bool exempt = false;
};

struct FeeDue {
    std::vector<FeeDueLine> lines;  // In the procedure's order, exempt ones included.
    std::int64_t fees = 0;          // Lệ phí due.
    std::int64_t charges = 0;       // Phí due.
    std::int64_t total = 0;
};

/// The amount due for `request`; kInvalid "invalid_fee_request" on `copies` outside
/// 1…kMaxCopies, or on an exemption none of the procedure's fees offers.
Outcome<FeeDue> ComputeFeeDue(const Procedure& procedure, const FeeRequest& request);

/// [a-z0-9_]{1,64}: the shape of an exemption code.
bool IsExemptionCode(std::string_view code);

}  // namespace motcua::domain
