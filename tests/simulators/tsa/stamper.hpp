// The time-stamping itself (RFC 3161), all of it OpenSSL's TS API: the TSA's certificate, key,
// chain and policy loaded once at start-up, and for each TimeStampReq a TimeStampResp made by
// TS_RESP_create_response with a fresh TS_RESP_CTX (serial numbers from the caller's counter, the
// time from the system clock). The spoiled answers the tests ask for (README.md "Answers") are
// made the same way: a rejection through the serial callback's status, a token for another
// imprint or nonce by changing the request before it is stamped.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

namespace motcua::sim::tsa {

/// What the TSA answers a well-formed call (POST /_sim/answer; README.md "Answers").
enum class AnswerMode {
    kStamp,         ///< A granted token for the request as sent.
    kRejection,     ///< PKIStatus rejection (2), failInfo badRequest, no token.
    kWrongImprint,  ///< A granted token over another message imprint (first byte flipped).
    kWrongNonce,    ///< A granted token with another nonce (the request's + 1, or 1 if none).
    kGarbage,       ///< HTTP 200 application/timestamp-reply of bytes that are not DER.
    kTruncated,     ///< HTTP 200 application/timestamp-reply: the first half of a granted answer.
};

inline constexpr std::array kAllAnswerModes = {AnswerMode::kStamp,        AnswerMode::kRejection,
                                               AnswerMode::kWrongImprint, AnswerMode::kWrongNonce,
                                               AnswerMode::kGarbage,      AnswerMode::kTruncated};

/// The name used by the control route and the state ("stamp", "rejection", …).
std::string_view AnswerModeName(AnswerMode mode);
/// The mode of a name, if it is one.
std::optional<AnswerMode> ParseAnswerMode(std::string_view name);

/// A token the TSA signed, as the state shows it.
struct IssuedStamp {
    std::uint64_t serial = 0;
    std::string gen_time;  ///< The token's genTime as encoded, e.g. 20261206030000Z.
    std::string policy;    ///< Dotted OID.
    std::string imprint;   ///< The stamped message imprint, lower-case hex.
    std::string nonce;     ///< The token's nonce, lower-case hex; empty when it has none.
    AnswerMode answer = AnswerMode::kStamp;
};

/// One DER TimeStampResp and what it says.
struct StampAnswer {
    std::string der;
    long status = 0;       ///< PKIStatus: 0 granted, 2 rejection, …
    bool checked = false;  ///< The request passed OpenSSL's checks (else refused for itself).
    std::optional<IssuedStamp> stamp;  ///< The token's fields when one was signed.
};

template <auto Free>
struct OpenSslFree {
    template <typename T>
    void operator()(T* object) const {
        Free(object);
    }
};
using CertPtr = std::unique_ptr<X509, OpenSslFree<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslFree<EVP_PKEY_free>>;
using ObjectPtr = std::unique_ptr<ASN1_OBJECT, OpenSslFree<ASN1_OBJECT_free>>;

/// The TSA's identity: read-only after construction, shared by every thread.
class Stamper {
public:
    /// Reads the PEM certificate (extendedKeyUsage critical timeStamping, checked by OpenSSL),
    /// its key, and the optional chain (`chain_file` empty: none); `policy` a dotted OID. Throws
    /// std::runtime_error naming the file and OpenSSL's reason.
    Stamper(const std::string& cert_file, const std::string& key_file,
            const std::string& chain_file, const std::string& policy);

    /// The TimeStampResp to `request` (DER TimeStampReq) under `mode` (kStamp, kRejection,
    /// kWrongImprint or kWrongNonce; the others spoil a kStamp answer's bytes, the caller's
    /// business). `next_serial` is called once for each token signed. A request OpenSSL cannot
    /// read or will not stamp (not DER, an unsupported digest) is answered by OpenSSL's own
    /// rejection (badDataFormat, badAlg, …). Throws std::runtime_error when OpenSSL fails.
    StampAnswer Answer(const std::string& request, AnswerMode mode,
                       const std::function<std::uint64_t()>& next_serial) const;

    /// DER of a TimeStampResp granted but without its token (the wrong_types fault).
    static std::string GrantedWithoutToken();

    const std::string& Policy() const { return policy_text_; }

private:
    CertPtr cert_;
    KeyPtr key_;
    std::vector<CertPtr> chain_;
    ObjectPtr policy_;
    std::string policy_text_;
};

/// Whether `text` is a dotted OID OpenSSL reads (the --policy flag's check).
bool IsDottedOid(const std::string& text);

}  // namespace motcua::sim::tsa
