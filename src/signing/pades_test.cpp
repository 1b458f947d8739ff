#include "signing/pades.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "signing/key_store.hpp"
#include "support/sample_files.hpp"

namespace motcua::signing {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNow = 1796601600;  // 2026-12-07T00:00:00Z.

// A one-page PDF with a correct cross-reference table, as any writer makes it.
std::string BlankPdf() { return testing::BlankPdf(1); }

class PadesTest : public ::testing::Test {
protected:
    void SetUp() override {
        fs::remove_all(root_);
        ASSERT_TRUE(store_.CreateDemoAuthority("MotCua demo CA", kNow).HasValue());
        ASSERT_TRUE(store_.Create("H32.22333", "UBND phường Hạc Thành", kNow).HasValue());
    }
    void TearDown() override { fs::remove_all(root_); }

    std::string Signed(const std::string& pdf) {
        auto key = store_.Current("H32.22333");
        EXPECT_TRUE(key.HasValue());
        auto signed_pdf = SignPdf(pdf, key.Value().key,
                                  {.signer_name = "UBND phường Hạc Thành",
                                   .reason = "Kết quả giải quyết thủ tục hành chính",
                                   .location = "Khánh Hòa",
                                   .signing_time = kNow + 3600});
        EXPECT_TRUE(signed_pdf.HasValue()) << signed_pdf.GetError().detail;
        return signed_pdf.HasValue() ? signed_pdf.Value() : std::string();
    }

    SignatureCheck Verify(const std::string& pdf) {
        auto trusted = store_.Trusted();
        EXPECT_TRUE(trusted.HasValue());
        std::vector<X509*> anchors;
        for (const auto& certificate : trusted.Value()) {
            anchors.push_back(certificate.get());
        }
        return VerifyPdf(pdf, anchors);
    }

    fs::path root_ = fs::temp_directory_path() /
                     (std::string("motcua-pades-") +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
    KeyStore store_{root_};
};

TEST_F(PadesTest, ASignedFileVerifiesWithItsSignerAndSigningTime) {
    const std::string pdf = Signed(BlankPdf());
    const auto check = Verify(pdf);
    EXPECT_TRUE(check.valid) << check.reason << " " << check.detail;
    EXPECT_EQ(check.sub_filter, "ETSI.CAdES.detached");
    EXPECT_EQ(check.signing_time, "2026-12-07T01:00:00Z");
    EXPECT_NE(check.signer.subject.find("CN=UBND phường Hạc Thành"), std::string::npos)
        << check.signer.subject;
    EXPECT_EQ(check.signed_sha256, Sha256Hex(pdf));
    EXPECT_NE(pdf.find("/M (D:20261207080000+07'00')"), std::string::npos);
}

TEST_F(PadesTest, AFlippedOrAnAppendedByteIsReportedAndSoIsAnUnsignedFile) {
    const std::string pdf = Signed(BlankPdf());
    std::string flipped = pdf;
    const auto at = flipped.find("/MediaBox");
    ASSERT_NE(at, std::string::npos);
    flipped[at + 1] = 'X';
    EXPECT_EQ(Verify(flipped).reason, "bad_signature");
    EXPECT_FALSE(Verify(flipped).valid);
    EXPECT_EQ(Verify(pdf + "\n% appended\n").reason, "modified");
    EXPECT_EQ(Verify(BlankPdf()).reason, "not_signed");
    EXPECT_EQ(Verify("not a pdf at all").reason, "invalid_pdf");
}

TEST_F(PadesTest, ASignatureFromAnotherAuthorityIsNotTrusted) {
    const fs::path other_root = root_ / "other";
    KeyStore other(other_root);
    ASSERT_TRUE(other.CreateDemoAuthority("Foreign CA", kNow).HasValue());
    ASSERT_TRUE(other.Create("H32.22333", "UBND phường Hạc Thành", kNow).HasValue());
    auto key = other.Current("H32.22333");
    ASSERT_TRUE(key.HasValue());
    auto foreign = SignPdf(BlankPdf(), key.Value().key, {.signing_time = kNow});
    ASSERT_TRUE(foreign.HasValue());
    const auto check = Verify(foreign.Value());
    EXPECT_FALSE(check.valid);
    EXPECT_EQ(check.reason, "untrusted_signer");
}

TEST_F(PadesTest, WhatAnOldKeySignedStillVerifiesAfterRotation) {
    const std::string before = Signed(BlankPdf());
    ASSERT_TRUE(store_.Create("H32.22333", "UBND phường Hạc Thành", kNow + 86400).HasValue());
    auto current = store_.Current("H32.22333");
    ASSERT_TRUE(current.HasValue());
    EXPECT_EQ(current.Value().number, 2);
    EXPECT_TRUE(Verify(before).valid);
    EXPECT_TRUE(Verify(Signed(BlankPdf())).valid);
}

TEST_F(PadesTest, AFileThatIsNoPdfIsRefusedBeforeSigning) {
    auto key = store_.Current("H32.22333");
    ASSERT_TRUE(key.HasValue());
    const auto refused = SignPdf("%PDF-1.7\nnonsense", key.Value().key, {.signing_time = kNow});
    ASSERT_FALSE(refused.HasValue());
    EXPECT_EQ(refused.GetError().code, "invalid_pdf");
}

TEST_F(PadesTest, ATimestampIsAskedForTheSignatureValueAndCarriedUnsigned) {
    auto key = store_.Current("H32.22333");
    ASSERT_TRUE(key.HasValue());
    std::string stamped_value;
    SignatureRequest request{.signing_time = kNow};
    // Any DER stands for the token here (tests/api/e_results_timestamp.test.ts uses a real
    // authority): an unsigned attribute is outside what the signature covers.
    request.timestamp = [&](const std::string& value) -> Outcome<std::string> {
        stamped_value = value;
        return std::string("\x30\x03\x02\x01\x05", 5);
    };
    const auto pdf = SignPdf(BlankPdf(), key.Value().key, request);
    ASSERT_TRUE(pdf.HasValue()) << pdf.GetError().detail;
    EXPECT_GE(stamped_value.size(), 256U);  // An RSA signature value, not the digest.
    const auto check = Verify(pdf.Value());
    EXPECT_TRUE(check.valid) << check.reason << " " << check.detail;
    EXPECT_EQ(check.timestamp_time, "");  // Not a real token: no time to report.

    request.timestamp = [](const std::string&) -> Outcome<std::string> {
        return MakeError(ErrorKind::kUnavailable, "timestamp_unavailable", "tsa");
    };
    const auto refused = SignPdf(BlankPdf(), key.Value().key, request);
    ASSERT_FALSE(refused.HasValue());
    EXPECT_EQ(refused.GetError().code, "timestamp_unavailable");
}

}  // namespace
}  // namespace motcua::signing
