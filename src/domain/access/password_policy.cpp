#include "domain/access/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace motcua::domain {
namespace {

Error Weak(std::string detail) {
    return MakeError(ErrorKind::kInvalid, "weak_password", "password", std::move(detail));
}

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

}  // namespace

Outcome<Done> CheckPasswordPolicy(std::string_view password, std::string_view login) {
    if (password.size() < kMinPasswordLength) {
        return Weak("at least " + std::to_string(kMinPasswordLength) + " characters");
    }
    if (password.size() > kMaxPasswordLength) {
        return Weak("at most " + std::to_string(kMaxPasswordLength) + " characters");
    }
    if (std::all_of(password.begin(), password.end(),
                    [&](char c) { return c == password.front(); })) {
        return Weak("not one repeated character");
    }
    if (login.size() >= 4 && Lower(password).find(Lower(login)) != std::string::npos) {
        return Weak("must not contain the login");
    }
    int classes = 0;
    const auto has = [&](auto predicate) {
        return std::any_of(password.begin(), password.end(),
                           [&](char c) { return predicate(static_cast<unsigned char>(c)); });
    };
    classes += has([](unsigned char c) { return std::islower(c) != 0; }) ? 1 : 0;
    classes += has([](unsigned char c) { return std::isupper(c) != 0; }) ? 1 : 0;
    classes += has([](unsigned char c) { return std::isdigit(c) != 0; }) ? 1 : 0;
    // Anything else counts as a symbol, including the bytes of Vietnamese letters.
    classes += has([](unsigned char c) { return std::isalnum(c) == 0; }) ? 1 : 0;
    if (password.size() < kPassphraseLength && classes < 3) {
        return Weak(
            "mix three of: lower case, upper case, digits, symbols (or use 16+ characters)");
    }
    return Done{};
}

}  // namespace motcua::domain
