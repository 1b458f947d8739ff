#include "domain/catalog/fee_due.hpp"

#include <algorithm>

namespace motcua::domain {
namespace {

bool Offers(const Procedure& procedure, std::string_view exemption) {
    return std::any_of(procedure.fees.begin(), procedure.fees.end(), [&](const Fee& fee) {
        return std::any_of(fee.exemptions.begin(), fee.exemptions.end(),
                           [&](const FeeExemption& offered) { return offered.code == exemption; });
    });
}

bool Covers(const Fee& fee, std::string_view exemption) {
    return !exemption.empty() &&
           std::any_of(fee.exemptions.begin(), fee.exemptions.end(),
                       [&](const FeeExemption& offered) { return offered.code == exemption; });
}

}  // namespace

bool IsExemptionCode(std::string_view code) {
    return !code.empty() && code.size() <= 64 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

Outcome<FeeDue> ComputeFeeDue(const Procedure& procedure, const FeeRequest& request) {
    if (request.copies < 1 || request.copies > kMaxCopies) {
        return MakeError(ErrorKind::kInvalid, "invalid_fee_request", "copies",
                         "copies are between 1 and " + std::to_string(kMaxCopies));
    }
    if (!request.exemption.empty() && !Offers(procedure, request.exemption)) {
        return MakeError(ErrorKind::kInvalid, "invalid_fee_request", "exemption",
                         "no fee of this procedure offers the exemption " + request.exemption);
    }
    FeeDue due;
    for (const auto& fee : procedure.fees) {
        FeeDueLine line{.kind = fee.kind,
                        .code = fee.code,
                        .name_vi = fee.name_vi,
                        .name_en = fee.name_en,
                        .unit_amount = fee.amount_vnd};
        line.quantity = fee.basis == FeeBasis::kPerCopy ? request.copies : 1;
        line.exempt = Covers(fee, request.exemption);
        line.amount = line.exempt ? 0 : line.unit_amount * line.quantity;
        (fee.kind == FeeKind::kFee ? due.fees : due.charges) += line.amount;
        due.total += line.amount;
        due.lines.push_back(std::move(line));
    }
    return due;
}

}  // namespace motcua::domain
