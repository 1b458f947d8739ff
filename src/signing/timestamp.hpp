// RFC 3161 timestamps of a signature (docs/e-results.md §3): the TimeStampReq a Time-Stamp
// Authority is sent for the SHA-256 of a CMS signature value (with a nonce, asking for the TSA's
// certificate), and the check of its TimeStampResp — granted, for that very imprint and nonce —
// which yields the token a PAdES signature carries as its signature-time-stamp. OpenSSL's TS
// module encodes and checks; nothing here parses ASN.1 by hand.
#pragma once

#include <string>

#include "common/outcome.hpp"

namespace motcua::signing {

struct TimestampQuery {
    std::string der;  // The TimeStampReq (application/timestamp-query).
};

/// The request for a timestamp over `signature_value` (its SHA-256), with a fresh 64-bit nonce.
Outcome<TimestampQuery> MakeTimestampQuery(const std::string& signature_value);

/// The token (a CMS SignedData of a TSTInfo, DER) of `response_der`, when it grants `query`:
/// status granted (or granted with modifications), the same imprint and nonce. Errors: kUnavailable
/// "timestamp_unavailable" with the reason in the detail (unreadable, rejected, mismatched).
Outcome<std::string> TimestampToken(const TimestampQuery& query, const std::string& response_der);

/// The time a token states (its TSTInfo genTime), RFC 3339 UTC; "" when `token_der` is no token.
std::string TimestampTime(const std::string& token_der);

}  // namespace motcua::signing
