#include "app/app_services.hpp"

#include <chrono>
#include <filesystem>

namespace motcua::app {

AppServices::AppServices(storage::Database& database, const Clock& clock, const AppConfig& config,
                         const std::string& audit_key, ConnectorSet connector_set)
    : database_ref(database),
      clock_ref(clock),
      hash_cost(config.password_hash_cost),
      connectors(std::move(connector_set)),
      catalog(database, clock),
      sessions(std::chrono::milliseconds(config.session_cache_ms), 100'000),
      auth(database, clock, throttle, sessions,
           {std::chrono::minutes(config.session_minutes), hash_cost, config.demo_mode}),
      accounts(database, catalog, clock, hash_cost, sessions, config.demo_mode),
      audit(database, catalog, clock, audit_key,
            storage::AuditAnchorFile(std::filesystem::path(config.data_dir) /
                                     storage::kAuditAnchorFileName),
            connectors.audit_witness),
      calendar(database, clock),
      dossiers(database, catalog, calendar, clock,
               {config.dossier_code_format,
                config.dossier_code_system_digits,
                std::chrono::minutes(8 * 60),
                {config.public_base_url},
                {config.submissions_per_minute, config.submissions_per_day},
                {config.dossier_storage_quota_bytes, config.account_storage_quota_bytes},
                connectors.routing}),
      files(std::filesystem::path(config.data_dir) / "files"),
      attachments(
          dossiers, files,
          {.max_file_bytes = config.attachment_max_file_bytes,
           .max_files = 20,
           .max_pdf_pages = static_cast<std::size_t>(config.attachment_max_pdf_pages),
           .max_expanded_bytes = config.attachment_max_expanded_bytes,
           .max_image_pixels = static_cast<std::uint64_t>(config.attachment_max_image_pixels)}),
      orphan_files(database, files, std::filesystem::path(config.data_dir) / "spool"),
      portal_intake(database, dossiers, catalog, clock, "dvcqg", connectors.portal),
      payments(database, catalog, dossiers, clock,
               {std::chrono::seconds(config.connectors.payments.check_after_seconds),
                config.public_base_url}),
      e_results(database, catalog, dossiers, files, clock,
                {config.GetSigningKeysDir(), config.public_base_url, connectors.timestamps}) {
    for (const auto& offered : connectors.payment_gateways) {
        payments.AddGateway(*offered.gateway);
        if (offered.mode == services::ConnectorMode::kDeliver) {
            payment_checks.push_back(std::make_unique<services::PaymentCheckConnector>(
                payments, std::string(offered.gateway->Name())));
            connectors.delivering.push_back(payment_checks.back().get());
        }
    }
}

}  // namespace motcua::app
