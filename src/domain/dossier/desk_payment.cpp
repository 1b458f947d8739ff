#include "domain/dossier/desk_payment.hpp"

#include <string>

namespace motcua::domain {
namespace {

Error Invalid(std::string field, std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_action_field", std::move(field),
                     std::move(detail));
}

}  // namespace

Outcome<Done> CheckDeskPayment(const ActionInput& input) {
    const std::string& method = input.payment_method;
    if (!method.empty() && method != "cash" && method != "card" && method != "transfer") {
        return Invalid("method", "cash, card or transfer");
    }
    const std::string& reference = input.payment_reference;
    if (reference.size() > 64 ||
        reference.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                    "0123456789._/-") != std::string::npos) {
        return Invalid("reference", "1 to 64 letters, digits and . _ / -");
    }
    if (reference.empty() && (method == "card" || method == "transfer")) {
        return Invalid("reference",
                       "a card or transfer payment names its slip or transfer reference");
    }
    return Done{};
}

}  // namespace motcua::domain
