// An agency's signing key and certificate (docs/e-results.md §2), read from PEM files. The private
// key file must be readable by its owner only (0600): a key any other account could read is
// refused, not used.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "signing/openssl_handles.hpp"

namespace motcua::signing {

struct CertificateInfo {
    std::string subject;  // "CN=UBND phường Hạc Thành,O=…" (UTF-8, RFC 2253 order).
    std::string issuer;
    std::string serial;      // Hex.
    std::string not_before;  // RFC 3339 UTC.
    std::string not_after;
    std::string sha256;  // Fingerprint of the DER certificate, hex.
};

struct SigningKey {
    KeyPtr key;
    CertPtr certificate;
    std::vector<CertPtr> chain;  // Issuers above the certificate, nearest first (may be empty).
};

/// Reads `key_file` (PEM private key, mode 0600) and `cert_file` (PEM: the certificate, then any
/// issuers). Errors: kInvalid "signing_key_unreadable" (missing, not PEM, key and certificate
/// do not match), kForbidden "signing_key_exposed" (the key file is readable by others).
Outcome<SigningKey> LoadSigningKey(const std::filesystem::path& key_file,
                                   const std::filesystem::path& cert_file);

/// Every certificate in a PEM file, in order.
Outcome<std::vector<CertPtr>> LoadCertificates(const std::filesystem::path& file);

CertificateInfo DescribeCertificate(X509* certificate);

/// Writes `text` to `file` with mode 0600 from the start (never readable by others, not even
/// for a moment), replacing nothing: kConflict "file_exists" when it is there.
Outcome<Done> WritePrivateFile(const std::filesystem::path& file, const std::string& text);

}  // namespace motcua::signing
