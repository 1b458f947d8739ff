// `motcua serve`: serves the HTTP API and the web application until SIGINT/SIGTERM, with the
// overdue job, the audit anchor, the orphan file collection and the outbox dispatchers running
// beside it; exits 0 after a graceful shutdown.
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "api/api_context.hpp"
#include "api/errors.hpp"
#include "api/http_api.hpp"
#include "api/server/http_server.hpp"
#include "app/commands/commands.hpp"
#include "app/resources.hpp"
#include "common/periodic_task.hpp"
#include "services/dossiers/overdue_job.hpp"
#include "services/outbox/outbox_dispatcher.hpp"

namespace motcua::app {
namespace {

api::ApiContext MakeApiContext(AppServices& services, const AppConfig& config,
                               const api::ErrorRenderer& errors) {
    api::ApiContext context{services.catalog, errors};
    context.auth = &services.auth;
    context.accounts = &services.accounts;
    context.audit = &services.audit;
    context.dossiers = &services.dossiers;
    context.history_import = &services.history_import;
    context.calendar = &services.calendar;
    context.attachments = &services.attachments;
    context.indicators = &services.indicators;
    context.reports = &services.reports;
    context.drilldown = &services.drilldown;
    context.outbox = &services.outbox;
    context.sync = &services.sync;
    context.portal = &services.portal_intake;
    context.payments = &services.payments;
    context.daybook = &services.daybook;
    context.refunds = &services.refunds;
    context.receipts = &services.receipts;
    context.printed_forms = &services.printed_forms;
    context.e_results = &services.e_results;
    context.data_store = &services.data_store;
    context.reconciliation = &services.reconciliation;
    context.cookie = {config.cookie_secure, std::chrono::minutes(config.session_minutes)};
    return context;
}

api::HttpApiOptions MakeHttpApiOptions(const AppConfig& config) {
    api::HttpApiOptions options;
    options.openapi_json = std::string(resources::Get("openapi.json"));
    options.trusted_proxies = config.trusted_proxies;
    options.metrics = {config.metrics_allow, config.metrics_token};
    if (std::filesystem::is_directory(config.web_root)) {
        options.web_root = config.web_root;
    } else {
        spdlog::warn("web_root {} not found: the web application is not served", config.web_root);
    }
    return options;
}

api::HttpServerOptions MakeServerOptions(const AppConfig& config) {
    api::HttpServerOptions options;
    options.host = config.listen_host;
    options.port = config.listen_port;
    options.threads = config.threads;
    options.handler_threads = config.handler_threads;
    options.body_limit = config.body_limit_bytes;
    options.import_body_limit = config.import_body_limit_bytes;
    options.upload_body_limit = config.upload_body_limit_bytes;
    options.document_body_limit = config.attachment_max_file_bytes;
    options.header_limit = config.header_limit_bytes;
    options.spool_dir = (std::filesystem::path(config.data_dir) / "spool").string();
    options.max_connections = config.max_connections;
    options.max_concurrent_uploads = config.max_concurrent_uploads;
    options.read_timeout = std::chrono::seconds(config.read_timeout_seconds);
    options.shutdown_grace = std::chrono::seconds(config.shutdown_grace_seconds);
    return options;
}

// One outbox dispatcher per connector in deliver mode (services/outbox/outbox_dispatcher.hpp).
std::vector<std::unique_ptr<services::OutboxDispatcher>> StartDispatchers(App& app,
                                                                          AppServices& services,
                                                                          api::HttpApi& http_api) {
    const AppConfig& config = app.GetConfig();
    const OutboxConfig& outbox = config.connectors.outbox;
    if (config.database_kind == DatabaseKind::kSqlite) {
        // One process owns a SQLite file: the claims of a previous run died with it.
        auto released = app.GetDatabase().Write([](storage::Transaction& transaction) {
            return transaction.Outbox().ReleaseAllClaims();
        });
        if (!released) {
            spdlog::warn("outbox: the previous run's claims were not released: {}",
                         released.GetError().detail);
        }
    }
    services::DispatcherOptions options;
    options.batch = outbox.batch;
    options.workers = outbox.workers;
    options.poll = std::chrono::milliseconds(outbox.poll_ms);
    options.lease = std::chrono::seconds(outbox.lease_seconds);
    options.max_attempts = outbox.max_attempts;
    options.backoff_base = std::chrono::milliseconds(outbox.backoff_base_ms);
    options.backoff_cap = std::chrono::milliseconds(outbox.backoff_cap_ms);
    std::array<char, 256> host{};
    ::gethostname(host.data(), host.size() - 1);
    // Names this process's claims apart from another process's on one PostgreSQL.
    const std::string claimer = fmt::format("{}:{}", host.data(), ::getpid());
    std::vector<std::unique_ptr<services::OutboxDispatcher>> dispatchers;
    for (auto* connector : services.connectors.delivering) {
        dispatchers.push_back(std::make_unique<services::OutboxDispatcher>(
            app.GetDatabase(), services.catalog, services.dossiers, *connector, app.GetClock(),
            options, claimer,
            [&http_api](std::string_view name, const services::DispatchRound& round) {
                http_api.GetOutboxMetrics().RecordRound(name, round.delivered, round.failed,
                                                        round.dead);
            }));
        dispatchers.back()->Start();
        spdlog::info("outbox: delivering to {} ({} workers)", connector->Name(), options.workers);
    }
    return dispatchers;
}

// The national portal's pulls (services/portal/portal_intake.hpp), in deliver mode: the dossiers
// submitted there every dvcqg_pull_seconds, the catalogue every dvcqg_catalogue_pull_hours.
std::vector<std::unique_ptr<PeriodicTask>> StartPortalPulls(AppServices& services,
                                                            const DvcqgConfig& config) {
    std::vector<std::unique_ptr<PeriodicTask>> jobs;
    auto* intake = &services.portal_intake;
    if (config.mode != services::ConnectorMode::kDeliver) {
        return jobs;
    }
    if (config.pull_seconds > 0) {
        const auto pull = [intake] {
            const auto summary = intake->PullDossiers();
            if (!summary.complete) {
                spdlog::warn("the portal dossier pull stopped at {}: {}", summary.cursor,
                             summary.error);
            }
            if (summary.created + summary.queued > 0) {
                spdlog::info("portal dossiers: {} created, {} for review, cursor {}",
                             summary.created, summary.queued, summary.cursor);
            }
        };
        jobs.push_back(
            std::make_unique<PeriodicTask>(pull, std::chrono::seconds(config.pull_seconds)));
    }
    if (config.catalogue_pull_hours > 0) {
        const auto pull = [intake] {
            const auto summary = intake->PullCatalogue();
            if (!summary.complete) {
                spdlog::warn("the national catalogue pull failed: {}", summary.error);
            } else if (summary.queued > 0) {
                spdlog::info("national catalogue: {} differences newly for review", summary.queued);
            }
        };
        jobs.push_back(
            std::make_unique<PeriodicTask>(pull, std::chrono::hours(config.catalogue_pull_hours)));
    }
    return jobs;
}

int Serve(App& app) {
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    const AppConfig& config = app.GetConfig();
    const api::ErrorRenderer errors(app.GetMessages());
    api::ApiContext context = MakeApiContext(*services, config, errors);
    api::HttpApi http_api(context, MakeHttpApiOptions(config));
    const auto server_options = MakeServerOptions(config);
    std::error_code spool_error;
    std::filesystem::create_directories(server_options.spool_dir, spool_error);
    if (spool_error) {
        fmt::print(stderr, "motcua: cannot create the upload spool folder {}: {}\n",
                   server_options.spool_dir, spool_error.message());
        return 1;
    }
    api::HttpServer server(http_api, server_options);
    try {
        server.Listen();
    } catch (const std::exception& failure) {
        fmt::print(stderr, "motcua: listen: cannot listen on {}:{}: {}\n", config.listen_host,
                   config.listen_port, failure.what());
        return 1;
    }
    services::OverdueJob overdue_job(
        services->dossiers, app.GetClock(), std::chrono::seconds(config.overdue_check_seconds),
        [&http_api](const Outcome<int>& marked, Instant at) {
            http_api.GetMetrics().RecordOverdueRun(
                marked.HasValue(), marked ? marked.Value() : 0,
                std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count());
        });
    // The audit log's head, anchored outside the database (storage/audit_anchor_file.hpp): at
    // start (the previous run's last rows) and every audit_anchor_seconds.
    const auto anchor = [&services] {
        if (auto anchored = services->audit.AnchorHead(); !anchored) {
            spdlog::warn("the audit anchor failed: {}", anchored.GetError().detail);
        }
    };
    PeriodicTask anchor_job(anchor, std::chrono::seconds(config.audit_anchor_seconds));
    // Stored files no dossier links, older than the grace period (uploads cut by a crash).
    const auto collect = [&services, &config] {
        auto report =
            services->orphan_files.Collect(std::chrono::seconds(config.orphan_file_grace_seconds));
        if (!report) {
            spdlog::warn("the orphan file collection failed: {}", report.GetError().detail);
        } else if (report.Value().removed + report.Value().temporaries > 0) {
            spdlog::info("orphan files: {} deleted, {} temporary files", report.Value().removed,
                         report.Value().temporaries);
        }
    };
    PeriodicTask collect_job(collect, std::chrono::hours(1));
    auto dispatchers = StartDispatchers(app, *services, http_api);
    auto portal_jobs = StartPortalPulls(*services, config.connectors.dvcqg);
    server.Run([&](std::uint16_t bound) {
        const bool ipv6 = config.listen_host.find(':') != std::string::npos;
        fmt::print("MotCua is serving {} at http://{}{}{}:{}/\n", app.GetDatabase().Describe(),
                   ipv6 ? "[" : "", config.listen_host, ipv6 ? "]" : "", bound);
        std::fflush(stdout);
    });
    for (auto& dispatcher : dispatchers) {
        dispatcher->Stop();
    }
    portal_jobs.clear();  // Each stops its thread, waiting for a pull under way.
    overdue_job.Stop();
    anchor_job.Stop();
    collect_job.Stop();
    app.GetDatabase().Close();  // Drains queued writes before the process exits.
    spdlog::info("stopped cleanly");
    return 0;
}

}  // namespace

void RegisterServeCommand(CLI::App& cli, CommandTable& table) {
    auto* serve = cli.add_subcommand("serve", "serve the HTTP API and the web application");
    table.Add(serve, Serve);
}

}  // namespace motcua::app
