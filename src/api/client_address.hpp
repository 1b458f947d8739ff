// The client's address behind reverse proxies: when the connection comes from a proxy the
// operator trusts (`trusted_proxies`, e.g. the nginx of docs/OPERATIONS.md on 127.0.0.1), the
// address is read from X-Forwarded-For, right to left, skipping trusted proxies — the first
// other entry is what the nearest trusted proxy saw, and what a client wrote further left is
// never believed. From any other peer the header is ignored. The login throttle, the public
// lookup's throttle and the audit log all use this address.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua::api {

/// Returns the client's address for a connection from `peer` carrying `forwarded_for`.
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

/// Parses a comma-separated list of proxy addresses; false when an entry is not an address.
bool ParseTrustedProxies(std::string_view text, std::vector<std::string>& proxies);

}  // namespace motcua::api
