// OpenSSL objects are owned by unique_ptrs with their free functions; every TS_RESP_CTX lives for
// one call, so that concurrent calls share only the read-only certificate, key and policy (each
// context takes its own references).
#include "simulators/tsa/stamper.hpp"

#include <cstddef>
#include <stdexcept>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

namespace motcua::sim::tsa {
namespace {

using BioPtr = std::unique_ptr<BIO, OpenSslFree<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslFree<BN_free>>;
using IntegerPtr = std::unique_ptr<ASN1_INTEGER, OpenSslFree<ASN1_INTEGER_free>>;
using RequestPtr = std::unique_ptr<TS_REQ, OpenSslFree<TS_REQ_free>>;
using ResponsePtr = std::unique_ptr<TS_RESP, OpenSslFree<TS_RESP_free>>;
using ContextPtr = std::unique_ptr<TS_RESP_CTX, OpenSslFree<TS_RESP_CTX_free>>;
using StatusPtr = std::unique_ptr<TS_STATUS_INFO, OpenSslFree<TS_STATUS_INFO_free>>;

void FreeCertStack(STACK_OF(X509) * stack) {
    sk_X509_free(stack);
}  // The certificates are borrowed.
using CertStackPtr = std::unique_ptr<STACK_OF(X509), OpenSslFree<FreeCertStack>>;

constexpr int kDottedOidBytes = 128;
constexpr std::string_view kRejectionText =
    "Yêu cầu bị từ chối (request rejected by the simulator)";

// The newest queued OpenSSL error as text, and the queue emptied.
std::string OpenSslReason() {
    const unsigned long code = ERR_peek_last_error();
    std::string text = code == 0 ? std::string("no OpenSSL error queued") : [code] {
        std::string reason(256, '\0');
        ERR_error_string_n(code, reason.data(), reason.size());
        reason.resize(reason.find('\0'));
        return reason;
    }();
    ERR_clear_error();
    return text;
}

[[noreturn]] void Fail(const std::string& what) {
    throw std::runtime_error(what + ": " + OpenSslReason());
}

BioPtr OpenFile(const std::string& file) {
    BioPtr bio(BIO_new_file(file.c_str(), "r"));
    if (!bio) {
        Fail("cannot read " + file);
    }
    return bio;
}

std::string Hex(const ASN1_STRING* bytes) {
    constexpr std::string_view kDigits = "0123456789abcdef";
    const unsigned char* data = ASN1_STRING_get0_data(bytes);
    const auto length = static_cast<std::size_t>(ASN1_STRING_length(bytes));
    std::string hex;
    hex.reserve(length * 2);
    for (std::size_t i = 0; i < length; ++i) {
        hex += kDigits[data[i] >> 4U];
        hex += kDigits[data[i] & 0x0fU];
    }
    return hex;
}

std::string DottedOid(const ASN1_OBJECT* object) {
    std::string text(kDottedOidBytes, '\0');
    const int length = OBJ_obj2txt(text.data(), kDottedOidBytes, object, 1);
    text.resize(length > 0 ? static_cast<std::size_t>(length) : 0);
    return text;
}

template <typename T>
std::string Der(const T* object, int (*encode)(const T*, unsigned char**)) {
    const int length = encode(object, nullptr);
    if (length <= 0) {
        Fail("cannot encode");
    }
    std::string der(static_cast<std::size_t>(length), '\0');
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    encode(object, &out);
    return der;
}

// What the serial callback needs of one call: the caller's counter, and whether to refuse.
struct SerialSource {
    const std::function<std::uint64_t()>* next_serial = nullptr;
    bool reject = false;
    bool reached = false;  // Set by the callback: the request passed OpenSSL's checks.
};

// OpenSSL calls it once the request passed its checks, before it signs the token. Returning
// nullptr with a status set is the TS API's way to refuse: the answer carries that status and
// failInfo, and no token.
ASN1_INTEGER* NextSerial(TS_RESP_CTX* context, void* data) {
    auto& source = *static_cast<SerialSource*>(data);
    source.reached = true;
    if (source.reject) {
        TS_RESP_CTX_set_status_info(context, TS_STATUS_REJECTION, kRejectionText.data());
        TS_RESP_CTX_add_failure_info(context, TS_INFO_BAD_REQUEST);
        return nullptr;
    }
    IntegerPtr serial(ASN1_INTEGER_new());
    if (!serial || ASN1_INTEGER_set_uint64(serial.get(), (*source.next_serial)()) != 1) {
        TS_RESP_CTX_set_status_info(context, TS_STATUS_REJECTION,
                                    "Error during serial number generation.");
        TS_RESP_CTX_add_failure_info(context, TS_INFO_ADD_INFO_NOT_AVAILABLE);
        return nullptr;
    }
    return serial.release();
}

// The request as it will be stamped: as sent, or with its imprint or nonce changed (the
// wrong_imprint and wrong_nonce answers). A request that is not a TimeStampReq stays as sent, for
// OpenSSL to refuse (badDataFormat).
std::string Prepared(const std::string& request, AnswerMode mode) {
    if (mode != AnswerMode::kWrongImprint && mode != AnswerMode::kWrongNonce) {
        return request;
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(request.data());
    RequestPtr parsed(d2i_TS_REQ(nullptr, &bytes, static_cast<long>(request.size())));
    if (!parsed) {
        ERR_clear_error();
        return request;
    }
    if (mode == AnswerMode::kWrongImprint) {
        ASN1_OCTET_STRING* message = TS_MSG_IMPRINT_get_msg(TS_REQ_get_msg_imprint(parsed.get()));
        const unsigned char* sent = ASN1_STRING_get0_data(message);
        std::vector<unsigned char> imprint(
            sent, sent + static_cast<std::size_t>(ASN1_STRING_length(message)));
        if (imprint.empty()) {
            imprint.push_back(0);
        } else {
            imprint[0] ^= 0x01U;  // Same length: OpenSSL checks it against the digest's.
        }
        if (ASN1_OCTET_STRING_set(message, imprint.data(), static_cast<int>(imprint.size())) != 1) {
            Fail("cannot change the imprint");
        }
    } else {
        BignumPtr nonce(BN_new());
        if (const ASN1_INTEGER* sent = TS_REQ_get_nonce(parsed.get())) {
            nonce.reset(ASN1_INTEGER_to_BN(sent, nullptr));
        }
        IntegerPtr changed;
        if (nonce && BN_add_word(nonce.get(), 1) == 1) {
            changed.reset(BN_to_ASN1_INTEGER(nonce.get(), nullptr));
        }
        if (!changed || TS_REQ_set_nonce(parsed.get(), changed.get()) != 1) {
            Fail("cannot change the nonce");
        }
    }
    return Der<TS_REQ>(parsed.get(), &i2d_TS_REQ);
}

IssuedStamp Describe(TS_TST_INFO* info, AnswerMode mode) {
    IssuedStamp stamp;
    stamp.answer = mode;
    if (ASN1_INTEGER_get_uint64(&stamp.serial, TS_TST_INFO_get_serial(info)) != 1) {
        ERR_clear_error();
    }
    const ASN1_GENERALIZEDTIME* time = TS_TST_INFO_get_time(info);
    stamp.gen_time.assign(reinterpret_cast<const char*>(ASN1_STRING_get0_data(time)),
                          static_cast<std::size_t>(ASN1_STRING_length(time)));
    stamp.policy = DottedOid(TS_TST_INFO_get_policy_id(info));
    stamp.imprint = Hex(TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(info)));
    if (const ASN1_INTEGER* nonce = TS_TST_INFO_get_nonce(info)) {
        stamp.nonce = Hex(nonce);
    }
    return stamp;
}

}  // namespace

std::string_view AnswerModeName(AnswerMode mode) {
    switch (mode) {
        case AnswerMode::kStamp:
            return "stamp";
        case AnswerMode::kRejection:
            return "rejection";
        case AnswerMode::kWrongImprint:
            return "wrong_imprint";
        case AnswerMode::kWrongNonce:
            return "wrong_nonce";
        case AnswerMode::kGarbage:
            return "garbage";
        case AnswerMode::kTruncated:
            return "truncated";
    }
    return "stamp";
}

std::optional<AnswerMode> ParseAnswerMode(std::string_view name) {
    for (const AnswerMode mode : kAllAnswerModes) {
        if (AnswerModeName(mode) == name) {
            return mode;
        }
    }
    return std::nullopt;
}

bool IsDottedOid(const std::string& text) {
    const ObjectPtr object(OBJ_txt2obj(text.c_str(), 1));
    ERR_clear_error();
    return object != nullptr;
}

Stamper::Stamper(const std::string& cert_file, const std::string& key_file,
                 const std::string& chain_file, const std::string& policy)
    : policy_(OBJ_txt2obj(policy.c_str(), 1)) {
    if (!policy_) {
        Fail("--policy " + policy + " is not a dotted OID");
    }
    policy_text_ = DottedOid(policy_.get());
    cert_.reset(PEM_read_bio_X509(OpenFile(cert_file).get(), nullptr, nullptr, nullptr));
    if (!cert_) {
        Fail(cert_file + ": no PEM certificate");
    }
    // The purpose RFC 3161 §2.3 requires (OpenSSL checks it again for every context).
    if (X509_check_purpose(cert_.get(), X509_PURPOSE_TIMESTAMP_SIGN, 0) != 1) {
        throw std::runtime_error(cert_file +
                                 ": not a TSA certificate (extendedKeyUsage must be critical and "
                                 "timeStamping only)");
    }
    key_.reset(PEM_read_bio_PrivateKey(OpenFile(key_file).get(), nullptr, nullptr, nullptr));
    if (!key_) {
        Fail(key_file + ": no PEM private key");
    }
    if (X509_check_private_key(cert_.get(), key_.get()) != 1) {
        Fail(key_file + ": not the key of " + cert_file);
    }
    if (!chain_file.empty()) {
        const BioPtr bio = OpenFile(chain_file);
        while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
            chain_.emplace_back(cert);
        }
        ERR_clear_error();  // The end of the file.
        if (chain_.empty()) {
            throw std::runtime_error(chain_file + ": no PEM certificate");
        }
    }
}

StampAnswer Stamper::Answer(const std::string& request, AnswerMode mode,
                            const std::function<std::uint64_t()>& next_serial) const {
    const ContextPtr context(TS_RESP_CTX_new());
    if (!context) {
        Fail("TS_RESP_CTX_new");
    }
    TS_RESP_CTX* ctx = context.get();
    // Each setter takes its own reference or copy.
    const bool ready = TS_RESP_CTX_set_signer_cert(ctx, cert_.get()) == 1 &&
                       TS_RESP_CTX_set_signer_key(ctx, key_.get()) == 1 &&
                       TS_RESP_CTX_set_signer_digest(ctx, EVP_sha256()) == 1 &&
                       TS_RESP_CTX_set_ess_cert_id_digest(ctx, EVP_sha256()) == 1 &&
                       TS_RESP_CTX_set_def_policy(ctx, policy_.get()) == 1 &&
                       TS_RESP_CTX_add_md(ctx, EVP_sha256()) == 1 &&
                       TS_RESP_CTX_set_accuracy(ctx, 1, 0, 0) == 1;
    if (!ready) {
        Fail("cannot set up the TSA context");
    }
    if (!chain_.empty()) {
        const CertStackPtr certs(sk_X509_new_null());
        bool pushed = certs != nullptr;
        for (const CertPtr& cert : chain_) {
            pushed = pushed && sk_X509_push(certs.get(), cert.get()) > 0;
        }
        if (!pushed || TS_RESP_CTX_set_certs(ctx, certs.get()) != 1) {
            Fail("cannot add the chain");
        }
    }
    SerialSource source{.next_serial = &next_serial, .reject = mode == AnswerMode::kRejection};
    TS_RESP_CTX_set_serial_cb(ctx, &NextSerial, &source);

    const std::string prepared = Prepared(request, mode);
    const BioPtr input(BIO_new_mem_buf(prepared.data(), static_cast<int>(prepared.size())));
    const ResponsePtr response(input ? TS_RESP_create_response(ctx, input.get()) : nullptr);
    if (!response) {
        Fail("TS_RESP_create_response");
    }
    ERR_clear_error();  // A refused request leaves its reasons queued.
    StampAnswer answer;
    answer.checked = source.reached;
    answer.der = Der<TS_RESP>(response.get(), &i2d_TS_RESP);
    answer.status =
        ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response.get())));
    if (TS_TST_INFO* info = TS_RESP_get_tst_info(response.get())) {
        answer.stamp = Describe(info, mode);
    }
    return answer;
}

std::string Stamper::GrantedWithoutToken() {
    const ResponsePtr response(TS_RESP_new());
    const StatusPtr status(TS_STATUS_INFO_new());
    if (!response || !status || TS_STATUS_INFO_set_status(status.get(), TS_STATUS_GRANTED) != 1 ||
        TS_RESP_set_status_info(response.get(), status.get()) != 1) {
        Fail("cannot make a granted answer");
    }
    return Der<TS_RESP>(response.get(), &i2d_TS_RESP);
}

}  // namespace motcua::sim::tsa
