#include "domain/access/account.hpp"

#include <algorithm>

namespace motcua::domain {
namespace {

bool AllDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsValidLogin(AccountKind kind, std::string_view login) {
    switch (kind) {
        case AccountKind::kCitizen:
            return login.size() == 12 && AllDigits(login);
        case AccountKind::kOrganisation:
            return (login.size() == 10 && AllDigits(login)) ||
                   (login.size() == 13 && AllDigits(login)) ||
                   (login.size() == 14 && AllDigits(login.substr(0, 10)) && login[10] == '-' &&
                    AllDigits(login.substr(11)));
        case AccountKind::kOfficer:
            return login.size() >= 3 && login.size() <= 64 &&
                   std::all_of(login.begin(), login.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                              c == '_' || c == '-';
                   });
    }
    return false;
}

}  // namespace motcua::domain
