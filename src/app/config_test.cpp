#include "app/config.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::app {
namespace {

TEST(AppConfig, EnvironmentOverridesAreReadWithPrefixOnly) {
    const char* environment[] = {
        "MOTCUA_DATABASE=sqlite:/tmp/x.db", "MOTCUA_LISTEN=0.0.0.0:9000", "HOME=/root",
        "MOTCUA_CONFIG=/etc/motcua.conf",   "MOTCUA_BIN=/usr/bin/motcua", nullptr};
    std::vector<std::string> ignored;
    const auto settings = ReadEnvironment(environment, &ignored);
    EXPECT_EQ(settings.size(), 2U);
    EXPECT_EQ(ignored, std::vector<std::string>{"MOTCUA_BIN"});
    EXPECT_EQ(settings.at("database"), "sqlite:/tmp/x.db");
    const auto config = ApplySettings(AppConfig{}, settings);
    ASSERT_TRUE(config.HasValue());
    EXPECT_EQ(config.Value().listen_host, "0.0.0.0");
    EXPECT_EQ(config.Value().listen_port, 9000);
    EXPECT_EQ(config.Value().GetSqlitePath(), "/tmp/x.db");
}

TEST(AppConfig, BadValuesNameTheKey) {
    EXPECT_EQ(ApplySettings({}, {{"listen", "localhost"}}).GetError().param, "listen");
    EXPECT_EQ(ApplySettings({}, {{"listen", "h:99999"}}).GetError().param, "listen");
    EXPECT_EQ(ApplySettings({}, {{"threads", "0"}}).GetError().param, "threads");
    EXPECT_EQ(ApplySettings({}, {{"threads", "two"}}).GetError().param, "threads");
    // Handlers may run on the I/O threads (0), but not on a negative or absurd pool.
    EXPECT_EQ(ApplySettings({}, {{"handler_threads", "0"}}).Value().handler_threads, 0);
    EXPECT_EQ(ApplySettings({}, {{"handler_threads", "-1"}}).GetError().param, "handler_threads");
    EXPECT_EQ(ApplySettings({}, {{"handler_threads", "5000"}}).GetError().param, "handler_threads");
    EXPECT_EQ(ApplySettings({}, {{"database", "mysql://x"}}).GetError().param, "database");
    EXPECT_EQ(ApplySettings({}, {{"colour", "blue"}}).GetError().param, "colour");
    EXPECT_EQ(ApplySettings({}, {{"body_limit_bytes", "10"}}).GetError().param, "body_limit_bytes");
}

TEST(AppConfig, UploadRulesHaveDefaultsAndRanges) {
    const auto defaults = ApplySettings({}, {});
    ASSERT_TRUE(defaults.HasValue());
    EXPECT_EQ(defaults.Value().attachment_max_pdf_pages, 500);
    EXPECT_EQ(defaults.Value().attachment_max_expanded_bytes, std::size_t{512} << 20);
    EXPECT_EQ(defaults.Value().attachment_max_image_pixels, 100'000'000);
    const auto set = ApplySettings({}, {{"attachment_max_pdf_pages", "2"},
                                        {"attachment_max_expanded_bytes", "1048576"},
                                        {"attachment_max_image_pixels", "4000000"}});
    ASSERT_TRUE(set.HasValue());
    EXPECT_EQ(set.Value().attachment_max_pdf_pages, 2);
    EXPECT_EQ(set.Value().attachment_max_expanded_bytes, std::size_t{1} << 20);
    EXPECT_EQ(set.Value().attachment_max_image_pixels, 4'000'000);
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"attachment_max_pdf_pages", "0"},
             {"attachment_max_expanded_bytes", "100"},
             {"attachment_max_image_pixels", "0"},
             {"attachment_max_image_pixels", "3000000000"}}) {
        EXPECT_EQ(ApplySettings({}, {{key, value}}).GetError().param, key) << value;
    }
}

TEST(AppConfig, ChoicesAreParsedIntoTheirEnums) {
    const auto config = ApplySettings({}, {{"log_level", "warn"},
                                           {"password_hash_cost", "minimum"},
                                           {"dossier_code_format", "tt04"},
                                           {"database", "postgresql://motcua@db:5432/motcua"}});
    ASSERT_TRUE(config.HasValue());
    EXPECT_EQ(config.Value().log_level, LogLevel::kWarn);
    EXPECT_EQ(config.Value().password_hash_cost, services::HashCost::kMinimumForTest);
    EXPECT_EQ(config.Value().dossier_code_format, domain::DossierCodeFormat::kTt04);
    EXPECT_EQ(config.Value().database_kind, DatabaseKind::kPostgres);
    EXPECT_EQ(config.Value().GetSqlitePath(), std::nullopt);
    const auto defaults = ApplySettings({}, {});
    ASSERT_TRUE(defaults.HasValue());
    EXPECT_EQ(defaults.Value().log_level, LogLevel::kInfo);
    EXPECT_EQ(defaults.Value().password_hash_cost, services::HashCost::kInteractive);
    EXPECT_EQ(defaults.Value().dossier_code_format, domain::DossierCodeFormat::kDefault);
    EXPECT_EQ(defaults.Value().database_kind, DatabaseKind::kSqlite);
    EXPECT_EQ(ApplySettings({}, {{"database", "postgres://x/y"}}).Value().database_kind,
              DatabaseKind::kPostgres);
    EXPECT_EQ(ApplySettings({}, {{"database", "sqlite:a.db"}}).Value().database_kind,
              DatabaseKind::kSqlite);
}

TEST(AppConfig, MetricsAreForLoopbackUnlessConfigured) {
    const auto defaults = ApplySettings({}, {});
    ASSERT_TRUE(defaults.HasValue());
    EXPECT_EQ(defaults.Value().metrics_allow, (std::vector<std::string>{"127.0.0.1", "::1"}));
    EXPECT_TRUE(defaults.Value().metrics_token.empty());
    const auto set = ApplySettings(
        {}, {{"metrics_allow", "10.0.0.5, ::1"}, {"metrics_token", "s3cret-scraper-token-of-24+"}});
    ASSERT_TRUE(set.HasValue());
    EXPECT_EQ(set.Value().metrics_allow, (std::vector<std::string>{"10.0.0.5", "::1"}));
    EXPECT_EQ(ApplySettings({}, {{"metrics_allow", "prometheus.local"}}).GetError().param,
              "metrics_allow");
    EXPECT_EQ(ApplySettings({}, {{"metrics_token", "short"}}).GetError().param, "metrics_token");
    EXPECT_EQ(
        ApplySettings({}, {{"metrics_token", "a token with spaces in it, 24+"}}).GetError().param,
        "metrics_token");
}

TEST(AppConfig, UnknownChoiceIsRefusedNamingTheKeyAndTheChoices) {
    const auto level = ApplySettings({}, {{"log_level", "verbose"}});
    ASSERT_FALSE(level.HasValue());
    EXPECT_EQ(level.GetError().param, "log_level");
    EXPECT_EQ(level.GetError().detail, "must be trace, debug, info, warn or error");
    const auto cost = ApplySettings({}, {{"password_hash_cost", "Minimum"}});
    ASSERT_FALSE(cost.HasValue());
    EXPECT_EQ(cost.GetError().param, "password_hash_cost");
    EXPECT_EQ(cost.GetError().detail, "must be interactive or minimum");
    const auto format = ApplySettings({}, {{"dossier_code_format", ""}});
    ASSERT_FALSE(format.HasValue());
    EXPECT_EQ(format.GetError().param, "dossier_code_format");
    EXPECT_EQ(format.GetError().detail, "must be default or tt04");
    EXPECT_EQ(ApplySettings({}, {{"database", "sqlite:"}}).GetError().param, "database");
}

TEST(AppConfig, FileWithCommentsIsRead) {
    const auto path = std::filesystem::temp_directory_path() / "motcua_config_test.conf";
    {
        std::ofstream file(path);
        file << "# comment\nlisten = 127.0.0.1:0\n; other comment\nthreads = 3\n";
    }
    const auto settings = ReadConfigFile(path.string());
    ASSERT_TRUE(settings.HasValue());
    const auto config = ApplySettings(AppConfig{}, settings.Value());
    ASSERT_TRUE(config.HasValue());
    EXPECT_EQ(config.Value().threads, 3);
    EXPECT_EQ(config.Value().listen_port, 0);
    std::filesystem::remove(path);
    EXPECT_FALSE(ReadConfigFile(path.string()).HasValue());
}

}  // namespace
}  // namespace motcua::app
