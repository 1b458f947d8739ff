#include "domain/dossier/desk_payment.hpp"

#include "domain/payments/money_method.hpp"

namespace motcua::domain {

Outcome<Done> CheckDeskPayment(const ActionInput& input) {
    if (auto fault = FindMethodFault(input.payment_method, input.payment_reference)) {
        return MakeError(ErrorKind::kInvalid, "invalid_action_field", std::move(fault->field),
                         std::move(fault->detail));
    }
    return Done{};
}

}  // namespace motcua::domain
