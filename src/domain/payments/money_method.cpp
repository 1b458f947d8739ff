#include "domain/payments/money_method.hpp"

namespace motcua::domain {

std::optional<MethodFault> FindMethodFault(std::string_view method, std::string_view reference) {
    if (!method.empty() && method != "cash" && method != "card" && method != "transfer") {
        return MethodFault{"method", "cash, card or transfer"};
    }
    if (reference.size() > 64 ||
        reference.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                    "0123456789._/-") != std::string_view::npos) {
        return MethodFault{"reference", "1 to 64 letters, digits and . _ / -"};
    }
    if (reference.empty() && (method == "card" || method == "transfer")) {
        return MethodFault{"reference",
                           "a card or transfer payment names its slip or transfer reference"};
    }
    return std::nullopt;
}

}  // namespace motcua::domain
