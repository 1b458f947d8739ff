#include "app/app.hpp"

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <stop_token>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "api/api_context.hpp"
#include "api/errors.hpp"
#include "api/http_api.hpp"
#include "api/server/http_server.hpp"
#include "app/audit_key.hpp"
#include "app/demo_accounts.hpp"
#include "app/resources.hpp"
#include "services/accounts/account_service.hpp"
#include "services/audit/audit_service.hpp"
#include "services/auth/auth_service.hpp"
#include "services/calendar/calendar_service.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/dossiers/history_import.hpp"
#include "services/indicators/drilldown_service.hpp"
#include "services/indicators/indicator_service.hpp"
#include "services/indicators/report_service.hpp"
#include "storage/file_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#ifdef MOTCUA_WITH_POSTGRES
#include "storage/postgres/pg_database.hpp"
#endif

namespace motcua::app {

/// The services of one process, built over the opened database.
struct App::Services {
    Services(storage::Database& database, const Clock& clock, const AppConfig& config,
             const std::string& audit_key)
        : database_ref(database),
          clock_ref(clock),
          hash_cost(config.password_hash_cost == "minimum" ? services::HashCost::kMinimumForTest
                                                           : services::HashCost::kInteractive),
          catalog(database, clock),
          sessions(std::chrono::milliseconds(config.session_cache_ms), 100'000),
          auth(database, clock, throttle, sessions,
               {std::chrono::minutes(config.session_minutes), hash_cost}),
          accounts(database, catalog, clock, hash_cost, sessions),
          audit(database, catalog, clock, audit_key),
          calendar(database, clock),
          dossiers(database, catalog, calendar, clock,
                   {config.dossier_code_format == "tt04" ? domain::DossierCodeFormat::kTt04
                                                         : domain::DossierCodeFormat::kDefault,
                    config.dossier_code_system_digits, std::chrono::minutes(8 * 60)}),
          files(std::filesystem::path(config.data_dir) / "files"),
          attachments(dossiers, files, {config.attachment_max_file_bytes, 20}) {}

    storage::Database& database_ref;
    const Clock& clock_ref;
    services::HashCost hash_cost;
    services::CatalogService catalog;
    services::LoginThrottle throttle;
    services::SessionCache sessions;
    services::AuthService auth;
    services::AccountService accounts;
    services::AuditService audit;
    services::CalendarService calendar;
    services::DossierService dossiers;
    services::HistoryImporter history_import{database_ref, catalog, dossiers, clock_ref};
    storage::DirectoryFileStore files;
    services::AttachmentService attachments;
    services::IndicatorService indicators{database_ref, catalog, clock_ref};
    services::ReportService reports{database_ref, catalog, indicators, clock_ref};
    services::DrilldownService drilldown{database_ref, catalog, clock_ref};
};

namespace {

// The migration that last added counter columns (0006_report_counters.sql).
constexpr int kCountersLayoutVersion = 6;

void PrintError(const Error& error) {
    fmt::print(stderr, "motcua: {}{}{}\n", error.param.empty() ? "" : error.param,
               error.param.empty() ? "" : ": ", error.detail.empty() ? error.code : error.detail);
}

void PrintSummary(std::string_view what, const storage::ImportSummary& summary) {
    fmt::print("{}: {} inserted, {} updated, {} unchanged\n", what, summary.inserted,
               summary.updated, summary.unchanged);
}

std::string ReadPasswordLine() {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') {
        password.pop_back();
    }
    return password;
}

// Parses "role" or "role@AGENCY".
std::optional<domain::RoleGrant> ParseGrant(const std::string& text) {
    const auto at = text.find('@');
    const auto role = domain::ParseRole(text.substr(0, at));
    if (!role) {
        return std::nullopt;
    }
    return domain::RoleGrant{*role, at == std::string::npos ? "" : text.substr(at + 1)};
}

// Opens the backend `config.database` names: a sqlite: path (the default) or a postgresql://
// URL, the latter only when the build has the PostgreSQL backend (libpqxx found).
std::unique_ptr<storage::Database> OpenDatabase(const AppConfig& config,
                                                const std::string& audit_key) {
    if (const auto sqlite_path = config.GetSqlitePath()) {
        std::error_code error;
        const auto parent = std::filesystem::path(*sqlite_path).parent_path();
        if (!parent.empty()) {
            std::filesystem::create_directories(parent, error);
        }
        return std::make_unique<storage::sqlite::SqliteDatabase>(
            storage::sqlite::SqliteOptions{*sqlite_path, config.sqlite_readers, 256, audit_key});
    }
#ifdef MOTCUA_WITH_POSTGRES
    return std::make_unique<storage::postgres::PgDatabase>(
        storage::postgres::PgOptions{config.database, config.postgres_pool_size, audit_key});
#else
    throw std::runtime_error(
        "this build has no PostgreSQL backend (libpqxx-dev was not found when it was built)");
#endif
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
    services_.reset();
    if (database_) {
        database_->Close();
    }
}

bool App::Open() {
    try {
        services::InitialiseCrypto();
        std::error_code error;
        std::filesystem::create_directories(config_.data_dir, error);
        auto audit_key = LoadOrCreateAuditKey(config_.data_dir);
        if (!audit_key) {
            PrintError(audit_key.GetError());
            return false;
        }
        audit_key_ = audit_key.Value();
        database_ = OpenDatabase(config_, audit_key_);
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
    services_ = std::make_unique<Services>(*database_, clock_, config_, audit_key_);
    if (auto loaded = services_->catalog.Load(); !loaded) {
        PrintError(loaded.GetError());
        return false;
    }
    if (auto loaded = services_->calendar.Load(); !loaded) {
        PrintError(loaded.GetError());
        return false;
    }
    // Counter columns added by a migration hold zeros for the dossiers already stored.
    if (migrated.Value().Crossed(kCountersLayoutVersion)) {
        auto rebuilt =
            services_->indicators.Recompute(domain::Actor::System("indicators recompute"));
        if (!rebuilt) {
            PrintError(rebuilt.GetError());
            return false;
        }
        spdlog::info("indicator counters rebuilt for the new layout from {} dossiers",
                     rebuilt.Value().dossiers);
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
    const auto actor = domain::Actor::System("import");
    if (kind == ImportKind::kDossiers) {
        auto report = services_->history_import.Import(actor, text);
        if (!report) {
            PrintError(report.GetError());
            return 1;
        }
        for (const auto& [line, error] : report.Value().errors) {
            fmt::print(stderr, "line {}: {}: {}\n", line, error.param,
                       error.detail.empty() ? error.code : error.detail);
        }
        fmt::print("dossiers: {} imported, {} rejected\n", report.Value().imported,
                   report.Value().rejected);
        return report.Value().rejected == 0 ? 0 : 1;
    }
    auto summary = kind == ImportKind::kAgencies ? services_->catalog.ImportAgencies(actor, text)
                                                 : services_->catalog.ImportProcedures(actor, text);
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
    const auto actor = domain::Actor::System("demo");
    auto agencies = services_->catalog.ImportAgencies(actor, resources::Get("demo/agencies.json"));
    if (!agencies) {
        PrintError(agencies.GetError());
        return 1;
    }
    PrintSummary("demo agencies", agencies.Value());
    auto procedures =
        services_->catalog.ImportProcedures(actor, resources::Get("demo/procedures.json"));
    if (!procedures) {
        PrintError(procedures.GetError());
        return 1;
    }
    PrintSummary("demo procedures", procedures.Value());
    int created = 0;
    for (auto& account : DemoAccounts()) {
        const std::string login = account.login;
        auto result = services_->accounts.Create(actor, std::move(account));
        if (result) {
            ++created;
        } else if (result.GetError().code != "login_taken") {
            fmt::print(stderr, "motcua: demo account {}: ", login);
            PrintError(result.GetError());
            return 1;
        }
    }
    fmt::print("demo accounts: {} created (password for all: {})\n", created, kDemoPassword);
    for (const auto& account : DemoAccounts()) {
        fmt::print(
            "  {:<16} {:<14} {}\n", account.login,
            domain::RoleName(account.grants.empty() ? (account.kind == domain::AccountKind::kCitizen
                                                           ? domain::Role::kCitizen
                                                           : domain::Role::kOrganisation)
                                                    : account.grants.front().role),
            account.name);
    }
    fmt::print("Demo province ready in {}\n", database_->Describe());
    return 0;
}

int App::UserAdd(const UserSpec& spec) {
    const auto kind = domain::ParseAccountKind(spec.kind);
    if (!kind) {
        fmt::print(stderr, "motcua: --kind must be citizen, organisation or officer\n");
        return 2;
    }
    services::NewAccount account;
    account.kind = *kind;
    account.login = spec.login;
    account.name = spec.name;
    account.agency_code = spec.agency;
    account.title = spec.title;
    account.email = spec.email;
    account.phone = spec.phone;
    for (const auto& text : spec.roles) {
        auto grant = ParseGrant(text);
        if (!grant) {
            fmt::print(stderr, "motcua: unknown role {}\n", text);
            return 2;
        }
        if (grant->agency_code.empty() && *kind == domain::AccountKind::kOfficer) {
            grant->agency_code = spec.agency;
        }
        account.grants.push_back(*grant);
    }
    if (spec.password_from_stdin) {
        account.password = ReadPasswordLine();
    }
    if (!Open()) {
        return 1;
    }
    auto created =
        services_->accounts.Create(domain::Actor::System("user add"), std::move(account));
    if (!created) {
        PrintError(created.GetError());
        return 1;
    }
    fmt::print("account {} created with id {}\n", created.Value().account.login,
               created.Value().account.id);
    if (!created.Value().generated_password.empty()) {
        fmt::print("generated password (shown once): {}\n", created.Value().generated_password);
    }
    return 0;
}

int App::UserSetDisabled(const std::string& login, bool disabled) {
    if (!Open()) {
        return 1;
    }
    const auto actor = domain::Actor::System(disabled ? "user disable" : "user enable");
    auto account = services_->accounts.GetByLogin(actor, login);
    auto changed =
        account ? services_->accounts.SetDisabled(actor, account.Value().id, disabled) : account;
    if (!changed) {
        PrintError(changed.GetError());
        return 1;
    }
    fmt::print("account {} {}\n", login, disabled ? "disabled" : "enabled");
    return 0;
}

int App::UserSetPassword(const std::string& login, bool from_stdin) {
    const std::string password = from_stdin ? ReadPasswordLine() : std::string{};
    if (!Open()) {
        return 1;
    }
    const auto actor = domain::Actor::System("user set-password");
    auto account = services_->accounts.GetByLogin(actor, login);
    if (!account) {
        PrintError(account.GetError());
        return 1;
    }
    auto generated = services_->accounts.ResetPassword(actor, account.Value().id, password);
    if (!generated) {
        PrintError(generated.GetError());
        return 1;
    }
    fmt::print("password of {} changed; its sessions were ended\n", login);
    if (!generated.Value().empty()) {
        fmt::print("generated password (shown once): {}\n", generated.Value());
    }
    return 0;
}

int App::UserGrant(const std::string& login, const std::string& role_at_agency, bool grant) {
    const auto parsed = ParseGrant(role_at_agency);
    if (!parsed) {
        fmt::print(stderr, "motcua: unknown role {}\n", role_at_agency);
        return 2;
    }
    if (!Open()) {
        return 1;
    }
    const auto actor = domain::Actor::System(grant ? "user grant" : "user revoke");
    auto account = services_->accounts.GetByLogin(actor, login);
    if (!account) {
        PrintError(account.GetError());
        return 1;
    }
    auto changed = grant ? services_->accounts.Grant(actor, account.Value().id, *parsed)
                         : services_->accounts.Revoke(actor, account.Value().id, *parsed);
    if (!changed) {
        PrintError(changed.GetError());
        return 1;
    }
    fmt::print("{} {} {}\n", login, grant ? "now holds" : "no longer holds", role_at_agency);
    return 0;
}

int App::AuditVerify() {
    if (!Open()) {
        return 1;
    }
    auto verification = services_->audit.Verify();
    if (!verification) {
        PrintError(verification.GetError());
        return 1;
    }
    const auto& result = verification.Value();
    if (!result.ok) {
        fmt::print(stderr, "audit log BROKEN at row {}: {} ({} rows read)\n", result.failed_seq,
                   result.reason, result.records);
        return 1;
    }
    fmt::print("audit log intact: {} rows, chain and head verified; head {} {}\n", result.records,
               result.head_seq, result.head_hash);
    return 0;
}

int App::RecomputeIndicators() {
    if (!Open()) {
        return 1;
    }
    auto report = services_->indicators.Recompute(domain::Actor::System("indicators recompute"));
    if (!report) {
        PrintError(report.GetError());
        return 1;
    }
    fmt::print("indicator counters rebuilt from {} dossiers: {} rows\n", report.Value().dossiers,
               report.Value().rows);
    return 0;
}

int App::ReportMonthly(const ReportSpec& spec) {
    if (!Open()) {
        return 1;
    }
    return WriteMonthlyReport(services_->reports, services_->catalog, spec);
}

int App::Backup(const BackupSpec& spec) { return RunBackup(config_, spec); }

int App::Restore(const RestoreSpec& spec) { return RunRestore(config_, spec); }

int App::PrintRoutes() {
    if (!Open()) {
        return 1;
    }
    const api::ErrorRenderer errors(messages_);
    api::ApiContext context{services_->catalog, errors};
    api::HttpApi http_api(context, {});
    for (const auto& route : http_api.GetRoutes()) {
        fmt::print("{} {}\n", route.method, route.pattern);
    }
    return 0;
}

int App::Serve() {
    if (!Open()) {
        return 1;
    }
    const api::ErrorRenderer errors(messages_);
    api::ApiContext context{services_->catalog, errors};
    context.auth = &services_->auth;
    context.accounts = &services_->accounts;
    context.audit = &services_->audit;
    context.dossiers = &services_->dossiers;
    context.history_import = &services_->history_import;
    context.calendar = &services_->calendar;
    context.attachments = &services_->attachments;
    context.indicators = &services_->indicators;
    context.reports = &services_->reports;
    context.drilldown = &services_->drilldown;
    context.forms = {config_.public_base_url};
    context.cookie = {config_.cookie_secure, std::chrono::minutes(config_.session_minutes)};
    api::HttpApiOptions options;
    options.openapi_json = std::string(resources::Get("openapi.json"));
    options.trusted_proxies = config_.trusted_proxies;
    if (std::filesystem::is_directory(config_.web_root)) {
        options.web_root = config_.web_root;
    } else {
        spdlog::warn("web_root {} not found: the web application is not served", config_.web_root);
    }
    api::HttpApi http_api(context, std::move(options));
    api::HttpServerOptions server_options;
    server_options.host = config_.listen_host;
    server_options.port = config_.listen_port;
    server_options.threads = config_.threads;
    server_options.handler_threads = config_.handler_threads;
    server_options.body_limit = config_.body_limit_bytes;
    server_options.import_body_limit = config_.import_body_limit_bytes;
    server_options.upload_body_limit = config_.upload_body_limit_bytes;
    server_options.header_limit = config_.header_limit_bytes;
    server_options.read_timeout = std::chrono::seconds(config_.read_timeout_seconds);
    server_options.shutdown_grace = std::chrono::seconds(config_.shutdown_grace_seconds);
    api::HttpServer server(http_api, server_options);
    try {
        server.Listen();
    } catch (const std::exception& failure) {
        fmt::print(stderr, "motcua: listen: cannot listen on {}:{}: {}\n", config_.listen_host,
                   config_.listen_port, failure.what());
        return 1;
    }
    // The overdue job: driven by the stored due times, so a restart loses nothing.
    std::jthread overdue_job([this, &http_api](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        while (!stop.stop_requested()) {
            auto marked = services_->dossiers.MarkOverdue();
            if (marked && marked.Value() > 0) {
                spdlog::info("marked {} dossier(s) overdue", marked.Value());
            } else if (!marked) {
                spdlog::warn("the overdue job failed: {}", marked.GetError().detail);
            }
            http_api.GetMetrics().RecordOverdueRun(
                marked.HasValue(), marked ? marked.Value() : 0,
                std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch())
                    .count());
            std::unique_lock lock(mutex);
            wake.wait_for(lock, stop, std::chrono::seconds(config_.overdue_check_seconds),
                          [] { return false; });
        }
    });
    server.Run([&](std::uint16_t bound) {
        const bool ipv6 = config_.listen_host.find(':') != std::string::npos;
        fmt::print("MotCua is serving {} at http://{}{}{}:{}/\n", database_->Describe(),
                   ipv6 ? "[" : "", config_.listen_host, ipv6 ? "]" : "", bound);
        std::fflush(stdout);
    });
    overdue_job.request_stop();
    overdue_job.join();
    database_->Close();  // Drains queued writes before the process exits.
    spdlog::info("stopped cleanly");
    return 0;
}

}  // namespace motcua::app
