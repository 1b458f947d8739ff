#include "signing/timestamp.hpp"

#include <cstdint>
#include <ctime>
#include <memory>

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include "signing/openssl_handles.hpp"

namespace motcua::signing {
namespace {

struct TsReqFree {
    void operator()(TS_REQ* request) const { TS_REQ_free(request); }
};
struct TsRespFree {
    void operator()(TS_RESP* response) const { TS_RESP_free(response); }
};
struct TsMsgImprintFree {
    void operator()(TS_MSG_IMPRINT* imprint) const { TS_MSG_IMPRINT_free(imprint); }
};
struct X509AlgorFree {
    void operator()(X509_ALGOR* algorithm) const { X509_ALGOR_free(algorithm); }
};
struct Asn1IntegerFree {
    void operator()(ASN1_INTEGER* number) const { ASN1_INTEGER_free(number); }
};
struct TsVerifyCtxFree {
    void operator()(TS_VERIFY_CTX* context) const { TS_VERIFY_CTX_free(context); }
};
struct Pkcs7Free {
    void operator()(PKCS7* token) const { PKCS7_free(token); }
};
struct TstInfoFree {
    void operator()(TS_TST_INFO* info) const { TS_TST_INFO_free(info); }
};
using TsReqPtr = std::unique_ptr<TS_REQ, TsReqFree>;
using TsRespPtr = std::unique_ptr<TS_RESP, TsRespFree>;

Error Unavailable(std::string why) {
    return MakeError(ErrorKind::kUnavailable, "timestamp_unavailable", "tsa", std::move(why));
}

const unsigned char* Bytes(const std::string& text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

// The request of `query` read back (it is ours: it always parses).
TsReqPtr ReadRequest(const TimestampQuery& query) {
    const unsigned char* cursor = Bytes(query.der);
    return TsReqPtr(d2i_TS_REQ(nullptr, &cursor, static_cast<long>(query.der.size())));
}

}  // namespace

Outcome<TimestampQuery> MakeTimestampQuery(const std::string& signature_value) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_size = 0;
    std::uint64_t nonce_value = 0;
    TsReqPtr request(TS_REQ_new());
    std::unique_ptr<TS_MSG_IMPRINT, TsMsgImprintFree> imprint(TS_MSG_IMPRINT_new());
    std::unique_ptr<X509_ALGOR, X509AlgorFree> algorithm(X509_ALGOR_new());
    std::unique_ptr<ASN1_INTEGER, Asn1IntegerFree> nonce(ASN1_INTEGER_new());
    const bool made =
        request && imprint && algorithm && nonce &&
        EVP_Digest(signature_value.data(), signature_value.size(), digest, &digest_size,
                   EVP_sha256(), nullptr) == 1 &&
        X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) == 1 &&
        TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) == 1 &&
        TS_MSG_IMPRINT_set_msg(imprint.get(), digest, static_cast<int>(digest_size)) == 1 &&
        TS_REQ_set_version(request.get(), 1) == 1 &&
        TS_REQ_set_msg_imprint(request.get(), imprint.get()) == 1 &&
        RAND_bytes(reinterpret_cast<unsigned char*>(&nonce_value), sizeof nonce_value) == 1 &&
        ASN1_INTEGER_set_uint64(nonce.get(), nonce_value >> 1) == 1 &&
        TS_REQ_set_nonce(request.get(), nonce.get()) == 1 &&
        TS_REQ_set_cert_req(request.get(), 1) == 1;
    unsigned char* der = nullptr;
    const int size = made ? i2d_TS_REQ(request.get(), &der) : 0;
    if (size <= 0) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", TakeOpenSslError());
    }
    TimestampQuery query{std::string(reinterpret_cast<const char*>(der), size)};
    OPENSSL_free(der);
    return query;
}

Outcome<std::string> TimestampToken(const TimestampQuery& query, const std::string& response_der) {
    const unsigned char* cursor = Bytes(response_der);
    TsRespPtr response(d2i_TS_RESP(nullptr, &cursor, static_cast<long>(response_der.size())));
    if (!response || cursor != Bytes(response_der) + response_der.size()) {
        return Unavailable("the answer is not a TimeStampResp");
    }
    const ASN1_INTEGER* status =
        TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response.get()));
    const long granted = status != nullptr ? ASN1_INTEGER_get(status) : -1;
    if (granted != 0 && granted != 1) {  // granted, grantedWithMods (RFC 3161 §2.4.2).
        return Unavailable("the authority refused: status " + std::to_string(granted));
    }
    // The imprint, the nonce and the version must be those asked for.
    const TsReqPtr request = ReadRequest(query);
    std::unique_ptr<TS_VERIFY_CTX, TsVerifyCtxFree> check(
        request ? TS_REQ_to_TS_VERIFY_CTX(request.get(), nullptr) : nullptr);
    if (!check || TS_RESP_verify_response(check.get(), response.get()) != 1) {
        return Unavailable("the token does not answer this request: " + TakeOpenSslError());
    }
    // The token is signed by the certificate it carries (asked for with certReq): a token whose
    // signature does not verify with it is no stamp. Whether that authority is trusted is the
    // reader's choice (docs/e-results.md §3).
    PKCS7* signed_token = TS_RESP_get_token(response.get());
    if (signed_token == nullptr ||
        PKCS7_verify(signed_token, nullptr, nullptr, nullptr, nullptr, PKCS7_NOVERIFY) != 1) {
        return Unavailable("the token's signature does not verify: " + TakeOpenSslError());
    }
    unsigned char* der = nullptr;
    const int size = i2d_PKCS7(signed_token, &der);
    if (size <= 0) {
        return Unavailable("the answer holds no token");
    }
    std::string token(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
    OPENSSL_free(der);
    return token;
}

std::string TimestampTime(const std::string& token_der) {
    const unsigned char* cursor = Bytes(token_der);
    std::unique_ptr<PKCS7, Pkcs7Free> token(
        d2i_PKCS7(nullptr, &cursor, static_cast<long>(token_der.size())));
    std::unique_ptr<TS_TST_INFO, TstInfoFree> info(token ? PKCS7_to_TS_TST_INFO(token.get())
                                                         : nullptr);
    const ASN1_GENERALIZEDTIME* time = info ? TS_TST_INFO_get_time(info.get()) : nullptr;
    std::tm parts{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &parts) != 1) {
        return {};
    }
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

}  // namespace motcua::signing
