#include "storage/file_store.hpp"

#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::storage {
namespace {

class DirectoryFileStoreTest : public ::testing::Test {
public:
    ~DirectoryFileStoreTest() override { std::filesystem::remove_all(folder_); }

protected:
    static std::filesystem::path TempFolder() {
        std::random_device random;
        return std::filesystem::temp_directory_path() /
               ("motcua-files-" + std::to_string(random()) + std::to_string(random()));
    }
    std::filesystem::path folder_ = TempFolder();
    DirectoryFileStore store_{folder_ / "files"};
};

TEST(Sha256HexTest, MatchesKnownDigests) {
    EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_TRUE(IsSha256Hex(Sha256Hex("x")));
    EXPECT_FALSE(IsSha256Hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    EXPECT_FALSE(IsSha256Hex("../../etc/passwd"));
}

TEST_F(DirectoryFileStoreTest, StoresUnderTwoLevelsNamedByTheHash) {
    auto stored = store_.Put("abc");
    ASSERT_TRUE(stored.HasValue());
    const std::string sha = stored.Value();
    EXPECT_EQ(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_TRUE(std::filesystem::is_regular_file(folder_ / "files" / "ba" / "78" / sha));
    auto read = store_.Get(sha);
    ASSERT_TRUE(read.HasValue());
    EXPECT_EQ(read.Value(), "abc");
    EXPECT_TRUE(store_.Contains(sha).Value());
}

TEST_F(DirectoryFileStoreTest, IdenticalContentIsStoredOnceAndLeavesNoTemporaryFiles) {
    std::string big(std::size_t{300} * 1024, 'x');
    big[1234] = 'y';
    const auto first = store_.Put(big);
    const auto second = store_.Put(big);
    ASSERT_TRUE(first.HasValue());
    ASSERT_TRUE(second.HasValue());
    EXPECT_EQ(first.Value(), second.Value());
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder_)) {
        if (entry.is_regular_file()) {
            ++files;
            EXPECT_EQ(entry.path().filename().string().rfind(".tmp", 0), std::string::npos);
        }
    }
    EXPECT_EQ(files, 1);
    EXPECT_EQ(store_.Get(first.Value()).Value(), big);
}

TEST_F(DirectoryFileStoreTest, EmptyContentIsAFileToo) {
    const auto stored = store_.Put("");
    ASSERT_TRUE(stored.HasValue());
    EXPECT_EQ(store_.Get(stored.Value()).Value(), "");
}

TEST_F(DirectoryFileStoreTest, UnknownOrMalformedHashesAreNotFound) {
    const auto missing = store_.Get(Sha256Hex("never stored"));
    ASSERT_FALSE(missing.HasValue());
    EXPECT_EQ(missing.GetError().kind, ErrorKind::kNotFound);
    EXPECT_EQ(missing.GetError().code, "file_not_found");
    for (const std::string& bad :
         std::vector<std::string>{"", "../x", "abc", std::string(64, 'g')}) {
        const auto found = store_.Get(bad);
        ASSERT_FALSE(found.HasValue()) << bad;
        EXPECT_EQ(found.GetError().kind, ErrorKind::kNotFound);
        EXPECT_FALSE(store_.Contains(bad).Value());
    }
}

}  // namespace
}  // namespace motcua::storage
