// AppConfig: every setting of the server, with its default. Sources, later ones winning:
// defaults → the config file (config/motcua.conf format, `key = value`, '#' comments) →
// environment variables MOTCUA_<KEY> (e.g. MOTCUA_DATABASE, MOTCUA_LISTEN, MOTCUA_DATA_DIR) →
// command-line flags. A bad value stops start-up with a message naming the key.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/config_choices.hpp"
#include "app/connector_config.hpp"
#include "common/outcome.hpp"

namespace motcua::app {

struct AppConfig {
    std::string
        database;  // "sqlite:PATH" or "postgresql://…"; default sqlite:<data_dir>/motcua.db.
    DatabaseKind database_kind = DatabaseKind::kSqlite;  // The backend `database` names.
    std::string listen_host = "127.0.0.1";
    std::uint16_t listen_port = 8080;
    std::string data_dir = "data";
    std::string web_root = "web/dist";
    int threads = 2;           // I/O threads (parsing, writing answers).
    int handler_threads = 32;  // Request handlers; many wait for one group commit together.
    std::size_t body_limit_bytes = 1 << 20;
    std::size_t import_body_limit_bytes = 64 << 20;
    std::size_t upload_body_limit_bytes = 64 << 20;    // POST …/dossiers/{code}/files, /e-result.
    std::size_t attachment_max_file_bytes = 20 << 20;  // Each uploaded file.
    // The digitisation rules (services/dossiers/content_checks.hpp): pages of an uploaded PDF,
    // its streams decoded, and the pixels an uploaded image (or an image in a PDF) declares.
    int attachment_max_pdf_pages = 500;
    std::size_t attachment_max_expanded_bytes = std::size_t{512} << 20;
    int attachment_max_image_pixels = 100'000'000;
    // Bounded resources (docs/security.md, V12/V13): 0 turns a count limit off.
    int submissions_per_minute = 10;  // Online submissions of one applicant account.
    int submissions_per_day = 100;
    int max_connections = 1024;       // Open HTTP connections; more get 503.
    int max_concurrent_uploads = 16;  // Upload bodies being received at once; more get 503.
    std::size_t dossier_storage_quota_bytes = std::size_t{200} << 20;  // Files of one dossier.
    std::size_t account_storage_quota_bytes = std::size_t{1} << 30;  // Of one applicant's dossiers.
    int orphan_file_grace_seconds = 24 * 3600;  // Unlinked stored files live this long.
    std::string public_base_url;  // Public portal, for links on printed forms ("" = relative).
    std::string
        signing_keys_dir;  // Agencies' signing keys (docs/e-results.md); "" = <data_dir>/keys.
    int session_minutes = 8 * 60;
    int session_cache_ms = 2000;               // services/auth/session_cache.hpp; 0 turns it off.
    std::vector<std::string> trusted_proxies;  // Peers whose X-Forwarded-For is believed.
    bool cookie_secure = false;
    // The demo province: the demo accounts' public password may be set (docs/security.md).
    bool demo_mode = false;
    // Who reads GET /metrics (api/metrics_access.hpp): these client addresses, or the token.
    std::vector<std::string> metrics_allow = {"127.0.0.1", "::1"};
    std::string metrics_token;
    services::HashCost password_hash_cost = services::HashCost::kInteractive;
    domain::DossierCodeFormat dossier_code_format = domain::DossierCodeFormat::kDefault;
    std::string dossier_code_system_digits = "00";
    int overdue_check_seconds = 60;
    int audit_anchor_seconds = 60;  // Anchoring the audit head outside the database.
    std::size_t header_limit_bytes = 16 << 10;
    int read_timeout_seconds = 30;
    int shutdown_grace_seconds = 20;
    int sqlite_readers = 4;
    int postgres_pool_size = 8;  // Connections a process keeps to PostgreSQL at most.
    LogLevel log_level = LogLevel::kInfo;
    ConnectorConfig connectors;  // The outbox and the national systems (app/connector_config).

    /// Returns the SQLite file path when `database` is a sqlite: URL.
    std::optional<std::string> GetSqlitePath() const;
    /// The signing keys' folder: signing_keys_dir, else <data_dir>/keys.
    std::string GetSigningKeysDir() const;
};

/// Raw settings by key (lower case, as in the file): what the user wrote, before validation.
using RawSettings = std::map<std::string, std::string>;

/// Reads a config file into raw settings; errors name the file and line.
Outcome<RawSettings> ReadConfigFile(const std::string& path);
/// Reads the MOTCUA_* variables that name a known setting from `environment` (a NULL-terminated
/// envp array); other MOTCUA_* names are listed in `ignored` (tools share the prefix).
RawSettings ReadEnvironment(const char* const* environment, std::vector<std::string>* ignored);
/// Applies raw settings over `config`; the error's param names the bad key.
Outcome<AppConfig> ApplySettings(AppConfig config, const RawSettings& settings);
/// Returns the keys ApplySettings knows, for help text and unknown-key errors.
const std::map<std::string, std::string>& DescribeSettings();

}  // namespace motcua::app
