#include "signing/timestamp.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/ts.h>

namespace motcua::signing {
namespace {

struct TsReqFree {
    void operator()(TS_REQ* request) const { TS_REQ_free(request); }
};

TEST(TimestampTest, TheQueryAsksForTheSha256OfTheSignatureValueWithANonceAndTheCertificate) {
    const std::string value = "a signature value";
    const auto query = MakeTimestampQuery(value);
    ASSERT_TRUE(query.HasValue());
    const auto* cursor = reinterpret_cast<const unsigned char*>(query.Value().der.data());
    std::unique_ptr<TS_REQ, TsReqFree> request(
        d2i_TS_REQ(nullptr, &cursor, static_cast<long>(query.Value().der.size())));
    ASSERT_NE(request, nullptr);
    EXPECT_EQ(TS_REQ_get_version(request.get()), 1);
    EXPECT_EQ(TS_REQ_get_cert_req(request.get()), 1);
    EXPECT_NE(TS_REQ_get_nonce(request.get()), nullptr);
    TS_MSG_IMPRINT* imprint = TS_REQ_get_msg_imprint(request.get());
    EXPECT_EQ(OBJ_obj2nid(TS_MSG_IMPRINT_get_algo(imprint)->algorithm), NID_sha256);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    ASSERT_EQ(EVP_Digest(value.data(), value.size(), digest, &size, EVP_sha256(), nullptr), 1);
    const ASN1_OCTET_STRING* message = TS_MSG_IMPRINT_get_msg(imprint);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(message)),
                          static_cast<std::size_t>(ASN1_STRING_length(message))),
              std::string(reinterpret_cast<const char*>(digest), size));
    // Two queries never share a nonce: an old answer cannot be replayed.
    EXPECT_NE(MakeTimestampQuery(value).Value().der, query.Value().der);
}

TEST(TimestampTest, AnAnswerThatIsNoTimeStampRespIsRefused) {
    const auto query = MakeTimestampQuery("value");
    ASSERT_TRUE(query.HasValue());
    for (const std::string& answer : {std::string(), std::string("<html>busy</html>"),
                                      query.Value().der /* the request echoed back */}) {
        const auto token = TimestampToken(query.Value(), answer);
        ASSERT_FALSE(token.HasValue());
        EXPECT_EQ(token.GetError().code, "timestamp_unavailable");
    }
    EXPECT_EQ(TimestampTime("not a token"), "");
}

}  // namespace
}  // namespace motcua::signing
