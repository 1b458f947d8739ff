#include "api/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Each test runs in its own process, several at once (ctest -j): a folder of its own.
        std::random_device random;
        root_ = std::filesystem::temp_directory_path() /
                ("motcua_static_" + std::to_string(random()) + "_" + std::to_string(random()));
        std::filesystem::create_directories(root_ / "dist" / "assets");
        Write(root_ / "dist" / "index.html", "<!doctype html>app");
        Write(root_ / "dist" / "assets" / "index-abc.js", "console.log(1)");
        Write(root_ / "secret.txt", "do not serve");
        std::filesystem::create_symlink(root_ / "secret.txt", root_ / "dist" / "link.txt");
    }
    void TearDown() override { std::filesystem::remove_all(root_); }
    static void Write(const std::filesystem::path& file, const std::string& text) {
        std::ofstream(file) << text;
    }
    Request Get(std::vector<std::string> segments) const {
        Request request;
        request.method = "GET";
        request.segments = std::move(segments);
        return request;
    }
    std::filesystem::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
    const StaticFiles files(root_ / "dist");
    const auto asset = files.Serve(Get({"assets", "index-abc.js"}));
    ASSERT_TRUE(asset);
    EXPECT_EQ(asset->content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(asset->body, "console.log(1)");
    const auto index = files.Serve(Get({}));
    ASSERT_TRUE(index);
    EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
}

TEST_F(StaticFilesTest, ClientRoutesFallBackToIndexButMissingFilesDoNot) {
    const StaticFiles files(root_ / "dist");
    const auto route = files.Serve(Get({"thu-tuc", "1.001193.000.00.00.H32"}));
    ASSERT_TRUE(route);  // Procedure codes contain dots; they are still client routes.
    EXPECT_EQ(route->body, "<!doctype html>app");
    const auto lookup = files.Serve(Get({"tra-cuu"}));
    ASSERT_TRUE(lookup);
    EXPECT_EQ(lookup->body, "<!doctype html>app");
    EXPECT_FALSE(files.Serve(Get({"logo.png"})));
    EXPECT_FALSE(files.Serve(Get({"assets", "missing.js"})));
}

TEST_F(StaticFilesTest, TraversalAndLinksOutsideTheRootAreRefused) {
    const StaticFiles files(root_ / "dist");
    EXPECT_FALSE(files.Serve(Get({"..", "secret.txt"})));
    EXPECT_FALSE(files.Serve(Get({"../secret.txt"})));
    EXPECT_FALSE(files.Serve(Get({".hidden"})));
    EXPECT_FALSE(files.Serve(Get({"link.txt"})));
}

TEST_F(StaticFilesTest, MatchingEtagGivesNotModified) {
    const StaticFiles files(root_ / "dist");
    const auto first = files.Serve(Get({"assets", "index-abc.js"}));
    ASSERT_TRUE(first);
    std::string etag;
    for (const auto& [name, value] : first->headers) {
        etag = name == "ETag" ? value : etag;
    }
    auto request = Get({"assets", "index-abc.js"});
    request.headers.emplace_back("if-none-match", etag);
    const auto second = files.Serve(request);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, 304);
    EXPECT_TRUE(second->body.empty());
}

}  // namespace
}  // namespace motcua::api
