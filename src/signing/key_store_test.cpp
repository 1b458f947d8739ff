#include "signing/key_store.hpp"

#include <filesystem>

#include <gtest/gtest.h>

namespace motcua::signing {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNow = 1796601600;  // 2026-12-07T00:00:00Z.

class KeyStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("motcua-keys-" +
                 std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

    fs::path root_;
};

TEST_F(KeyStoreTest, KeysAreOwnerOnlyFilesAndRotationKeepsTheOldOnes) {
    KeyStore store(root_);
    EXPECT_EQ(store.Create("H32.22333", "UBND", kNow).GetError().code, "no_authority");
    ASSERT_TRUE(store.CreateDemoAuthority("MotCua demo CA", kNow).HasValue());
    EXPECT_EQ(store.CreateDemoAuthority("again", kNow).GetError().code, "file_exists");
    EXPECT_EQ(store.Current("H32.22333").GetError().code, "no_signing_key");
    ASSERT_TRUE(store.Create("H32.22333", "UBND phường Hạc Thành", kNow).HasValue());
    ASSERT_TRUE(store.Create("H32.22333", "UBND phường Hạc Thành", kNow + 60).HasValue());
    const auto key_file = root_ / "agencies" / "H32.22333" / "1.key.pem";
    EXPECT_EQ(fs::status(key_file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(fs::status(root_ / "ca" / "ca.key.pem").permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    const auto listed = store.List();
    ASSERT_TRUE(listed.HasValue());
    ASSERT_EQ(listed.Value().size(), 2U);
    EXPECT_FALSE(listed.Value()[0].current);
    EXPECT_TRUE(listed.Value()[1].current);
    EXPECT_EQ(listed.Value()[1].number, 2);
    EXPECT_NE(listed.Value()[0].certificate.issuer.find("CN=MotCua demo CA"), std::string::npos);
    EXPECT_NE(listed.Value()[0].certificate.sha256, listed.Value()[1].certificate.sha256);
    EXPECT_EQ(store.Current("H32.22333").Value().number, 2);
}

TEST_F(KeyStoreTest, AKeyFileOthersCanReadIsRefusedAndAnImportMustMatch) {
    KeyStore store(root_);
    ASSERT_TRUE(store.CreateDemoAuthority("MotCua demo CA", kNow).HasValue());
    ASSERT_TRUE(store.Create("A1", "Agency one", kNow).HasValue());
    ASSERT_TRUE(store.Create("B2", "Agency two", kNow).HasValue());
    const auto a_key = root_ / "agencies" / "A1" / "1.key.pem";
    const auto b_cert = root_ / "agencies" / "B2" / "1.cert.pem";
    EXPECT_EQ(store.Import("C3", a_key, b_cert).GetError().code, "signing_key_unreadable");
    ASSERT_TRUE(store.Import("C3", a_key, root_ / "agencies" / "A1" / "1.cert.pem").HasValue());
    EXPECT_TRUE(store.Current("C3").HasValue());
    fs::permissions(a_key, fs::perms::group_read, fs::perm_options::add);
    EXPECT_EQ(store.Current("A1").GetError().code, "signing_key_exposed");
    EXPECT_EQ(store.Current("../etc").GetError().code, "invalid_parameter");
}

}  // namespace
}  // namespace motcua::signing
