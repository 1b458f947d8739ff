#include "api/client_address.hpp"

#include <algorithm>
#include <cctype>

namespace motcua::api {
namespace {

std::string_view Trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

// An IPv4 or IPv6 address as text (the characters and length; proxies write them, the check
// only keeps anything else out of logs and throttle keys).
bool LooksLikeAddress(std::string_view text) {
    return !text.empty() && text.size() <= 45 && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == ':';
    });
}

bool IsTrusted(std::string_view address, const std::vector<std::string>& trusted_proxies) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
           trusted_proxies.end();
}

}  // namespace

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
    if (forwarded_for.empty() || !IsTrusted(peer, trusted_proxies)) {
        return peer;
    }
    std::string_view rest = forwarded_for;
    std::string_view leftmost;
    while (!rest.empty()) {
        const auto comma = rest.rfind(',');
        const std::string_view entry =
            Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
        if (!LooksLikeAddress(entry)) {
            return peer;  // Not written by a proxy: nothing to its left is believed either.
        }
        if (!IsTrusted(entry, trusted_proxies)) {
            return std::string(entry);
        }
        leftmost = entry;
    }
    return leftmost.empty() ? peer : std::string(leftmost);
}

bool ParseTrustedProxies(std::string_view text, std::vector<std::string>& proxies) {
    proxies.clear();
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view entry = Trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        if (entry.empty()) {
            continue;
        }
        if (!LooksLikeAddress(entry)) {
            return false;
        }
        proxies.emplace_back(entry);
    }
    return true;
}

}  // namespace motcua::api
