// PAdES baseline B signatures on PDF files (ETSI EN 319 142-1; docs/e-results.md §3): a signature
// field whose dictionary (/SubFilter /ETSI.CAdES.detached) carries a detached CMS SignedData over
// the whole file but the signature's own bytes (/ByteRange), with the signing-certificate-v2
// attribute (RFC 5035) and the signing time. The PDF structure is written by qpdf, the CMS by
// OpenSSL; nothing here parses or hashes by hand.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "signing/signing_key.hpp"

namespace motcua::signing {

struct SignatureRequest {
    std::string signer_name;  // /Name: the agency as it signs.
    std::string reason;    // /Reason, e.g. "Kết quả giải quyết thủ tục hành chính".
    std::string location;  // /Location.
    std::int64_t signing_time = 0;  // Unix seconds (from the injected clock): /M and the CMS.
    /// The widget's place on the first page in PDF points (x1, y1, x2, y2 from the bottom left),
    /// over the visible signature block the page draws; all zero for an invisible signature.
    double rect[4] = {0, 0, 0, 0};
    /// When set, the signature-time-stamp (RFC 3161) of the CMS signature value: the DER token
    /// an authority granted (signing/timestamp.hpp), carried as an unsigned attribute.
    std::function<Outcome<std::string>(const std::string& signature_value)> timestamp;
};

/// Signs `pdf` (one written by PdfCanvas or any unsigned PDF) with `key`; the signed file.
/// Errors: kInvalid "invalid_pdf" (qpdf cannot read it), kUnavailable "signing_failed".
Outcome<std::string> SignPdf(const std::string& pdf, const SigningKey& key,
                             const SignatureRequest& request);

/// What a reader of a signed PDF learns of its last signature.
struct SignatureCheck {
    bool valid = false;
    /// Why not, a stable code: "not_signed", "not_pades" (another /SubFilter), "modified"
    /// (the bytes signed are not the file: appended or changed around the signature),
    /// "bad_signature" (the digest or the signature does not verify), "untrusted_signer" (the
    /// certificate does not chain to a trusted authority), "invalid_pdf".
    std::string reason;
    std::string detail;  // OpenSSL's or qpdf's words, for logs.
    CertificateInfo signer;
    std::string signing_time;    // /M as RFC 3339 UTC ("" when absent).
    std::string timestamp_time;  // The signature-time-stamp's time, RFC 3339 UTC ("": none).
    std::string sub_filter;
    std::string signed_sha256;  // SHA-256 of the whole file, hex (what a registry records).
};

/// Checks the last signature of `pdf` against `trusted` authorities, at the signing time (a
/// certificate that expired or was replaced later still verifies what it signed).
SignatureCheck VerifyPdf(const std::string& pdf, const std::vector<X509*>& trusted);

/// SHA-256 of `bytes`, hex.
std::string Sha256Hex(const std::string& bytes);

}  // namespace motcua::signing
