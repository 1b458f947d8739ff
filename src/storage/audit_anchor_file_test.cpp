#include "storage/audit_anchor_file.hpp"

#include <fstream>
#include <random>

#include <gtest/gtest.h>
#include <sys/stat.h>

namespace motcua::storage {
namespace {

std::filesystem::path TempPath() {
    std::random_device random;
    return std::filesystem::temp_directory_path() /
           ("motcua-anchors-" + std::to_string(random()) + std::to_string(random()) + ".log");
}

TEST(AuditAnchorFile, AppendsAnchorsAndReadsThemBackInOrder) {
    const auto path = TempPath();
    const AuditAnchorFile file(path);
    EXPECT_TRUE(file.ReadAll().Value().empty());  // No file yet: no anchor.
    ASSERT_TRUE(file.Append({"2026-12-05T01:00:00Z", 41, "ab12"}).HasValue());
    ASSERT_TRUE(file.Append({"2026-12-05T01:01:00Z", 57, "cd34"}).HasValue());
    const auto anchors = file.ReadAll().Value();
    ASSERT_EQ(anchors.size(), 2U);
    EXPECT_EQ(anchors[0].seq, 41);
    EXPECT_EQ(anchors[1].at, "2026-12-05T01:01:00Z");
    EXPECT_EQ(anchors[1].hash, "cd34");
    struct stat status {};
    ASSERT_EQ(::stat(path.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0077U, 0U);  // The service account's alone.
    std::filesystem::remove(path);
}

TEST(AuditAnchorFile, AnEditedLineIsAnError) {
    const auto path = TempPath();
    std::ofstream(path) << "2026-12-05T01:00:00Z 41 ab12\n2026-12-05T01:01:00Z fifty cd34\n";
    const auto read = AuditAnchorFile(path).ReadAll();
    ASSERT_FALSE(read.HasValue());
    EXPECT_EQ(read.GetError().kind, ErrorKind::kUnavailable);
    EXPECT_NE(read.GetError().detail.find("line 2"), std::string::npos);
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace motcua::storage
