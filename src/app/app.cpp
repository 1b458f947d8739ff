#include "app/app.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "api/api_context.hpp"
#include "api/errors.hpp"
#include "api/http_api.hpp"
#include "api/server/http_server.hpp"
#include "app/audit_key.hpp"
#include "app/resources.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace motcua::app {
namespace {

void PrintError(const Error& error) {
    fmt::print(stderr, "motcua: {}{}{}\n", error.param.empty() ? "" : error.param,
               error.param.empty() ? "" : ": ", error.detail.empty() ? error.code : error.detail);
}

void PrintSummary(std::string_view what, const storage::ImportSummary& summary) {
    fmt::print("{}: {} inserted, {} updated, {} unchanged\n", what, summary.inserted,
               summary.updated, summary.unchanged);
}

}  // namespace

App::App(AppConfig config)
    : config_(std::move(config)),
      messages_(MessageCatalog::Parse(resources::Get("messages/vi.tsv"),
                                      resources::Get("messages/en.tsv"))) {
    if (config_.database.empty()) {
        config_.database =
            "sqlite:" + (std::filesystem::path(config_.data_dir) / "motcua.db").string();
    }
}

App::~App() {
    if (database_) {
        database_->Close();
    }
}

bool App::Open() {
    const auto sqlite_path = config_.GetSqlitePath();
    if (!sqlite_path) {
        fmt::print(stderr,
                   "motcua: database: {} is not supported by this build yet; use sqlite:PATH\n",
                   config_.database);
        return false;
    }
    try {
        std::error_code error;
        std::filesystem::create_directories(config_.data_dir, error);
        const auto parent = std::filesystem::path(*sqlite_path).parent_path();
        if (!parent.empty()) {
            std::filesystem::create_directories(parent, error);
        }
        auto audit_key = LoadOrCreateAuditKey(config_.data_dir);
        if (!audit_key) {
            PrintError(audit_key.GetError());
            return false;
        }
        database_ =
            std::make_unique<storage::sqlite::SqliteDatabase>(storage::sqlite::SqliteOptions{
                *sqlite_path, config_.sqlite_readers, 256, audit_key.Value()});
    } catch (const std::exception& failure) {
        fmt::print(stderr, "motcua: database: {}\n", failure.what());
        return false;
    }
    auto migrated = database_->Migrate();
    if (!migrated) {
        PrintError(migrated.GetError());
        return false;
    }
    if (migrated.Value().applied > 0) {
        spdlog::info("applied {} migration(s); schema version {}", migrated.Value().applied,
                     migrated.Value().current_version);
    }
    return true;
}

int App::Migrate() {
    if (!Open()) {
        return 1;
    }
    fmt::print("{}: schema is up to date\n", database_->Describe());
    return 0;
}

int App::Import(ImportKind kind, const std::string& file) {
    std::ifstream input(file, std::ios::binary);
    if (!input) {
        fmt::print(stderr, "motcua: cannot read {}\n", file);
        return 2;
    }
    const std::string text((std::istreambuf_iterator<char>(input)),
                           std::istreambuf_iterator<char>());
    if (!Open()) {
        return 1;
    }
    services::CatalogService catalog(*database_, clock_);
    if (auto loaded = catalog.Load(); !loaded) {
        PrintError(loaded.GetError());
        return 1;
    }
    const auto actor = domain::Actor::System("import");
    auto summary = kind == ImportKind::kAgencies ? catalog.ImportAgencies(actor, text)
                                                 : catalog.ImportProcedures(actor, text);
    if (!summary) {
        fmt::print(stderr, "motcua: {} was not imported, nothing was stored.\n", file);
        PrintError(summary.GetError());
        return 1;
    }
    PrintSummary(kind == ImportKind::kAgencies ? "agencies" : "procedures", summary.Value());
    return 0;
}

int App::Demo() {
    if (!Open()) {
        return 1;
    }
    services::CatalogService catalog(*database_, clock_);
    if (auto loaded = catalog.Load(); !loaded) {
        PrintError(loaded.GetError());
        return 1;
    }
    const auto actor = domain::Actor::System("demo");
    auto agencies = catalog.ImportAgencies(actor, resources::Get("demo/agencies.json"));
    if (!agencies) {
        PrintError(agencies.GetError());
        return 1;
    }
    PrintSummary("demo agencies", agencies.Value());
    auto procedures = catalog.ImportProcedures(actor, resources::Get("demo/procedures.json"));
    if (!procedures) {
        PrintError(procedures.GetError());
        return 1;
    }
    PrintSummary("demo procedures", procedures.Value());
    fmt::print("Demo province ready in {}\n", database_->Describe());
    return 0;
}

int App::Serve() {
    if (!Open()) {
        return 1;
    }
    services::CatalogService catalog(*database_, clock_);
    if (auto loaded = catalog.Load(); !loaded) {
        PrintError(loaded.GetError());
        return 1;
    }
    const api::ErrorRenderer errors(messages_);
    api::ApiContext context{catalog, errors};
    api::HttpApiOptions options;
    options.openapi_json = std::string(resources::Get("openapi.json"));
    if (std::filesystem::is_directory(config_.web_root)) {
        options.web_root = config_.web_root;
    } else {
        spdlog::warn("web_root {} not found: the web application is not served", config_.web_root);
    }
    api::HttpApi http_api(context, std::move(options));
    api::HttpServer server(
        http_api, api::HttpServerOptions{config_.listen_host, config_.listen_port, config_.threads,
                                         config_.body_limit_bytes, config_.header_limit_bytes,
                                         std::chrono::seconds(config_.read_timeout_seconds),
                                         std::chrono::seconds(config_.shutdown_grace_seconds)});
    std::uint16_t port = 0;
    try {
        port = server.Listen();
    } catch (const std::exception& failure) {
        fmt::print(stderr, "motcua: listen: cannot listen on {}:{}: {}\n", config_.listen_host,
                   config_.listen_port, failure.what());
        return 1;
    }
    server.Run([&](std::uint16_t bound) {
        const bool ipv6 = config_.listen_host.find(':') != std::string::npos;
        fmt::print("MotCua is serving {} at http://{}{}{}:{}/\n", database_->Describe(),
                   ipv6 ? "[" : "", config_.listen_host, ipv6 ? "]" : "", bound);
        std::fflush(stdout);
    });
    (void)port;
    database_->Close();  // Drains queued writes before the process exits.
    spdlog::info("stopped cleanly");
    return 0;
}

}  // namespace motcua::app
