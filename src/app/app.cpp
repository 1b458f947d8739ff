#include "app/app.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/audit_key.hpp"
#include "app/console_output.hpp"
#include "app/open_database.hpp"
#include "app/resources.hpp"
#include "services/auth/credentials.hpp"

namespace motcua::app {
namespace {

// The migration that last added counter columns (0006_report_counters.sql).
constexpr int kCountersLayoutVersion = 6;

}  // namespace

App::App(AppConfig config)
    : config_(std::move(config)),
      messages_(MessageCatalog::Parse(resources::Get("messages/vi.tsv"),
                                      resources::Get("messages/en.tsv"))) {
    if (config_.database.empty()) {
        config_.database =
            "sqlite:" + (std::filesystem::path(config_.data_dir) / "motcua.db").string();
        config_.database_kind = DatabaseKind::kSqlite;
    }
}

App::~App() {
    services_.reset();
    if (database_) {
        database_->Close();
    }
}

AppServices* App::Open() {
    try {
        services::InitialiseCrypto();
        std::error_code error;
        std::filesystem::create_directories(config_.data_dir, error);
        auto audit_key = LoadOrCreateAuditKey(config_.data_dir);
        if (!audit_key) {
            PrintError(audit_key.GetError());
            return nullptr;
        }
        audit_key_ = audit_key.Value();
        database_ = OpenDatabase(config_, audit_key_);
    } catch (const std::exception& failure) {
        fmt::print(stderr, "motcua: database: {}\n", failure.what());
        return nullptr;
    }
    auto migrated = database_->Migrate();
    if (!migrated) {
        PrintError(migrated.GetError());
        return nullptr;
    }
    if (migrated.Value().applied > 0) {
        spdlog::info("applied {} migration(s); schema version {}", migrated.Value().applied,
                     migrated.Value().current_version);
    }
    auto connectors = BuildConnectors(config_.connectors, clock_);
    if (!connectors) {
        PrintError(connectors.GetError());
        return nullptr;
    }
    services_ = std::make_unique<AppServices>(*database_, clock_, config_, audit_key_,
                                              std::move(connectors).Value());
    if (auto loaded = services_->catalog.Load(); !loaded) {
        PrintError(loaded.GetError());
        return nullptr;
    }
    if (auto loaded = services_->calendar.Load(); !loaded) {
        PrintError(loaded.GetError());
        return nullptr;
    }
    // Counter columns added by a migration hold zeros for the dossiers already stored.
    if (migrated.Value().Crossed(kCountersLayoutVersion)) {
        auto rebuilt =
            services_->indicators.Recompute(domain::Actor::System("indicators recompute"));
        if (!rebuilt) {
            PrintError(rebuilt.GetError());
            return nullptr;
        }
        spdlog::info("indicator counters rebuilt for the new layout from {} dossiers",
                     rebuilt.Value().dossiers);
    }
    return services_.get();
}

}  // namespace motcua::app
