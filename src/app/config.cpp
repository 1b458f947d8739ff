#include "app/config.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include "api/client_address.hpp"

namespace motcua::app {
namespace {

Error BadSetting(const std::string& key, const std::string& detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_config", key, detail);
}

template <typename Number>
Outcome<Number> ParseNumber(const std::string& key, const std::string& text, Number low,
                            Number high) {
    Number number{};
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, number);
    if (text.empty() || error != std::errc{} || stop != end || number < low || number > high) {
        return BadSetting(key, "must be a whole number from " + std::to_string(low) + " to " +
                                   std::to_string(high) + ", not \"" + text + "\"");
    }
    return number;
}

// Parses the value of a setting that is one of `table`'s names.
template <typename Enum, std::size_t N>
Outcome<Enum> ParseChoice(const std::string& key, const std::string& text,
                          const NameTable<Enum, N>& table) {
    if (const auto value = ParseName(table, text)) {
        return *value;
    }
    std::string names;
    for (std::size_t i = 0; i < N; ++i) {
        names += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(table[i].second);
    }
    return BadSetting(key, "must be " + names);
}

// Stores the parsed choice in `field`, or returns the error.
template <typename Enum, std::size_t N>
Outcome<Done> ApplyChoice(const std::string& key, const std::string& text,
                          const NameTable<Enum, N>& table, Enum& field) {
    MOTCUA_ASSIGN_OR_RETURN(auto choice, ParseChoice(key, text, table));
    field = choice;
    return Done{};
}

Outcome<Done> ParseListen(const std::string& text, AppConfig& config) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return BadSetting("listen", "must be host:port, e.g. 127.0.0.1:8080, not \"" + text + "\"");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto port,
                            ParseNumber<int>("listen", text.substr(colon + 1), 0, 65535));
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);  // [::1]:8080
    }
    config.listen_host = host;
    config.listen_port = static_cast<std::uint16_t>(port);
    return Done{};
}

}  // namespace

std::optional<std::string> AppConfig::GetSqlitePath() const {
    constexpr std::string_view kScheme = "sqlite:";
    if (database.rfind(kScheme, 0) != 0) {
        return std::nullopt;
    }
    return database.substr(kScheme.size());
}

std::string AppConfig::GetSigningKeysDir() const {
    return signing_keys_dir.empty() ? data_dir + "/keys" : signing_keys_dir;
}

const std::map<std::string, std::string>& DescribeSettings() {
    static const std::map<std::string, std::string> descriptions = [] {
        std::map<std::string, std::string> own{
            {"database",
             "storage URL: sqlite:PATH (default sqlite:<data_dir>/motcua.db) or "
             "postgresql://USER@HOST:PORT/DB (password from PGPASSWORD or ~/.pgpass)"},
            {"listen", "HTTP address host:port (default 127.0.0.1:8080)"},
            {"data_dir", "folder for the database and stored files (default ./data)"},
            {"web_root", "folder of the built web application (default web/dist)"},
            {"threads", "HTTP I/O threads (default 2)"},
            {"handler_threads",
             "threads that run request handlers, which wait for durable commits (default 32; "
             "0 runs them on the I/O threads)"},
            {"body_limit_bytes", "largest request body accepted (default 1048576)"},
            {"import_body_limit_bytes",
             "largest import file accepted over HTTP (default 67108864)"},
            {"upload_body_limit_bytes", "largest file upload request (default 67108864)"},
            {"attachment_max_file_bytes", "largest uploaded dossier file (default 20971520)"},
            {"attachment_max_pdf_pages", "most pages of an uploaded PDF (default 500)"},
            {"attachment_max_expanded_bytes",
             "most bytes the streams of an uploaded PDF may decode to, together (default "
             "536870912)"},
            {"attachment_max_image_pixels",
             "most pixels an uploaded PNG or JPEG, or an image in an uploaded PDF, may declare "
             "(default 100000000)"},
            {"submissions_per_minute",
             "online submissions one applicant account may make per minute (default 10; 0 = no "
             "limit)"},
            {"submissions_per_day",
             "online submissions one applicant account may make per UTC day (default 100; 0 = no "
             "limit)"},
            {"max_connections",
             "open HTTP connections at most; more are answered 503 (default 1024; 0 = no limit)"},
            {"max_concurrent_uploads",
             "file upload bodies received at once at most; more are answered 503 (default 16; 0 = "
             "no limit)"},
            {"dossier_storage_quota_bytes",
             "total size of the files uploaded to one dossier (default 209715200)"},
            {"account_storage_quota_bytes",
             "total size of the files in one applicant's dossiers (default 1073741824)"},
            {"orphan_file_grace_seconds",
             "age after which a stored file no dossier references is deleted (default 86400)"},
            {"public_base_url",
             "public portal URL for links on printed forms, e.g. https://dvc.x.vn"},
            {"signing_keys_dir",
             "folder of the agencies' signing keys and trusted authorities (default "
             "<data_dir>/keys; `motcua keys`); results are signed once an agency has a key"},
            {"session_minutes", "lifetime of a sign-in session in minutes (default 480)"},
            {"session_cache_ms",
             "how long a verified session is reused without reading the database (default 2000; "
             "0 = off); another process's logout or account change applies here within it"},
            {"cookie_secure", "mark the session cookie Secure: true behind HTTPS (default false)"},
            {"metrics_allow",
             "client addresses that may read /metrics, comma-separated (default 127.0.0.1,::1; "
             "empty: none)"},
            {"metrics_token",
             "a secret of 24+ characters: a scraper sending it as a Bearer token may read "
             "/metrics"},
            {"demo_mode",
             "true only for the demo province: the demo accounts' public password may be set "
             "(default false; `motcua demo` is always in demo mode)"},
            {"trusted_proxies",
             "comma-separated addresses of reverse proxies whose X-Forwarded-For gives the "
             "client's "
             "address, e.g. 127.0.0.1,::1 behind a local nginx (default none)"},
            {"password_hash_cost", "argon2id cost: interactive (default) or minimum (tests only)"},
            {"dossier_code_format", "default ({agency}-{yyMMdd}-{NNNN}) or tt04 (TT 04/2025 form)"},
            {"dossier_code_system_digits", "tt04 only: the 2 digits AA of the central system"},
            {"overdue_check_seconds", "how often overdue dossiers are recorded (default 60)"},
            {"audit_anchor_seconds",
             "how often the audit log's head is anchored in <data_dir>/audit-anchors.log (default "
             "60)"},
            {"header_limit_bytes", "largest request header accepted (default 16384)"},
            {"read_timeout_seconds", "idle time before a connection is closed (default 30)"},
            {"shutdown_grace_seconds",
             "longest wait for in-flight requests at shutdown (default 20)"},
            {"sqlite_readers", "read connections to the SQLite file (default 4)"},
            {"postgres_pool_size", "connections each process keeps to PostgreSQL (default 8)"},
            {"log_level", "trace, debug, info, warn, error (default info)"},
        };
        own.insert(DescribeConnectorSettings().begin(), DescribeConnectorSettings().end());
        return own;
    }();
    return descriptions;
}

Outcome<RawSettings> ReadConfigFile(const std::string& path) {
    boost::property_tree::ptree tree;
    try {
        boost::property_tree::ini_parser::read_ini(path, tree);
    } catch (const boost::property_tree::ini_parser_error& failure) {
        return BadSetting("config", failure.message() + " (" + path + ", line " +
                                        std::to_string(failure.line()) + ")");
    }
    RawSettings settings;
    for (const auto& [key, node] : tree) {
        if (!node.empty()) {
            return BadSetting(key, "sections are not used in " + path);
        }
        settings[key] = node.data();
    }
    return settings;
}

RawSettings ReadEnvironment(const char* const* environment, std::vector<std::string>* ignored) {
    RawSettings settings;
    constexpr std::string_view kPrefix = "MOTCUA_";
    for (const char* const* entry = environment; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        const auto equals = text.find('=');
        if (text.rfind(kPrefix, 0) != 0 || equals == std::string_view::npos) {
            continue;
        }
        std::string key(text.substr(kPrefix.size(), equals - kPrefix.size()));
        for (char& c : key) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (key == "config") {
            continue;  // MOTCUA_CONFIG names the file; it is not a setting.
        }
        if (!DescribeSettings().contains(key)) {
            if (ignored != nullptr) {
                ignored->emplace_back(text.substr(0, equals));
            }
            continue;
        }
        settings[key] = std::string(text.substr(equals + 1));
    }
    return settings;
}

Outcome<AppConfig> ApplySettings(AppConfig config, const RawSettings& settings) {
    static const std::map<std::string, int AppConfig::*, std::less<>> int_settings{
        {"threads", &AppConfig::threads},
        {"sqlite_readers", &AppConfig::sqlite_readers},
        {"postgres_pool_size", &AppConfig::postgres_pool_size},
        {"read_timeout_seconds", &AppConfig::read_timeout_seconds},
        {"session_minutes", &AppConfig::session_minutes},
        {"overdue_check_seconds", &AppConfig::overdue_check_seconds},
        {"audit_anchor_seconds", &AppConfig::audit_anchor_seconds},
        {"shutdown_grace_seconds", &AppConfig::shutdown_grace_seconds},
    };
    static const std::map<std::string, std::size_t AppConfig::*, std::less<>> size_settings{
        {"body_limit_bytes", &AppConfig::body_limit_bytes},
        {"header_limit_bytes", &AppConfig::header_limit_bytes},
        {"import_body_limit_bytes", &AppConfig::import_body_limit_bytes},
        {"upload_body_limit_bytes", &AppConfig::upload_body_limit_bytes},
        {"attachment_max_file_bytes", &AppConfig::attachment_max_file_bytes},
        {"attachment_max_expanded_bytes", &AppConfig::attachment_max_expanded_bytes},
        {"dossier_storage_quota_bytes", &AppConfig::dossier_storage_quota_bytes},
        {"account_storage_quota_bytes", &AppConfig::account_storage_quota_bytes},
    };
    // Counts where 0 means "no limit", the upload rules' counts (at least 1), and the grace
    // period (at least a minute, so that a file stored just before its dossier links it is never
    // taken), with their ranges.
    struct Limit {
        int AppConfig::*field;
        int least;
        int most;
    };
    static const std::map<std::string, Limit, std::less<>> limit_settings{
        {"submissions_per_minute", {&AppConfig::submissions_per_minute, 0, 1000000}},
        {"submissions_per_day", {&AppConfig::submissions_per_day, 0, 1000000}},
        {"max_connections", {&AppConfig::max_connections, 0, 1000000}},
        {"max_concurrent_uploads", {&AppConfig::max_concurrent_uploads, 0, 100000}},
        {"orphan_file_grace_seconds", {&AppConfig::orphan_file_grace_seconds, 60, 365 * 86400}},
        {"attachment_max_pdf_pages", {&AppConfig::attachment_max_pdf_pages, 1, 100000}},
        {"attachment_max_image_pixels",
         {&AppConfig::attachment_max_image_pixels, 1, 2'000'000'000}},
    };
    for (const auto& [key, value] : settings) {
        Outcome<Done> applied = Done{};
        if (key == "database") {
            if (value.rfind("sqlite:", 0) == 0) {
                config.database_kind = DatabaseKind::kSqlite;
                if (value == "sqlite:") {
                    applied =
                        BadSetting(key, "sqlite: needs a file path, e.g. sqlite:data/motcua.db");
                }
            } else if (value.rfind("postgresql://", 0) == 0 || value.rfind("postgres://", 0) == 0) {
                config.database_kind = DatabaseKind::kPostgres;
            } else {
                applied = BadSetting(key, "must start with sqlite: or postgresql://");
            }
            config.database = value;
        } else if (key == "listen") {
            applied = ParseListen(value, config);
        } else if (key == "data_dir" || key == "web_root") {
            if (value.empty()) {
                applied = BadSetting(key, "must not be empty");
            }
            (key == "data_dir" ? config.data_dir : config.web_root) = value;
        } else if (key == "trusted_proxies" || key == "metrics_allow") {
            if (!api::ParseTrustedProxies(value, key == "trusted_proxies" ? config.trusted_proxies
                                                                          : config.metrics_allow)) {
                applied = BadSetting(key, "must be IP addresses separated by commas");
            }
        } else if (key == "metrics_token") {
            constexpr std::size_t kMinTokenLength = 24;
            if (!value.empty() && (value.size() < kMinTokenLength ||
                                   !std::all_of(value.begin(), value.end(),
                                                [](char c) { return c > ' ' && c < 127; }))) {
                applied = BadSetting(key, "must be 24 or more printable characters, no spaces");
            }
            config.metrics_token = value;
        } else if (key == "cookie_secure" || key == "demo_mode") {
            if (value != "true" && value != "false") {
                applied = BadSetting(key, "must be true or false");
            }
            config.*(key == "cookie_secure" ? &AppConfig::cookie_secure : &AppConfig::demo_mode) =
                value == "true";
        } else if (key == "password_hash_cost") {
            applied = ApplyChoice(key, value, kHashCostNames, config.password_hash_cost);
        } else if (key == "dossier_code_format") {
            applied = ApplyChoice(key, value, kDossierCodeFormatNames, config.dossier_code_format);
        } else if (key == "dossier_code_system_digits") {
            if (value.size() != 2 || !std::isdigit(static_cast<unsigned char>(value[0])) ||
                !std::isdigit(static_cast<unsigned char>(value[1]))) {
                applied = BadSetting(key, "must be two digits");
            }
            config.dossier_code_system_digits = value;
        } else if (key == "signing_keys_dir") {
            config.signing_keys_dir = value;
        } else if (key == "public_base_url") {
            if (!value.empty() && value.rfind("https://", 0) != 0 &&
                value.rfind("http://", 0) != 0) {
                applied = BadSetting(key, "must start with https:// or http://");
            }
            config.public_base_url = value;
        } else if (IsConnectorSetting(key)) {
            applied = ApplyConnectorSetting(key, value, config.connectors);
        } else if (key == "log_level") {
            applied = ApplyChoice(key, value, kLogLevelNames, config.log_level);
        } else if (key == "handler_threads" || key == "session_cache_ms") {
            // Settings where 0 means "none": handlers on the I/O threads, no session cache.
            const bool handlers = key == "handler_threads";
            auto number = ParseNumber<int>(key, value, 0, handlers ? 1024 : 60000);
            if (number) {
                config.*(handlers ? &AppConfig::handler_threads : &AppConfig::session_cache_ms) =
                    number.Value();
            }
            applied = number ? Outcome<Done>(Done{}) : Outcome<Done>(number.GetError());
        } else if (const auto number_field = int_settings.find(key);
                   number_field != int_settings.end()) {
            auto number = ParseNumber<int>(key, value, 1, 3600);
            if (number) {
                config.*(number_field->second) = number.Value();
            }
            applied = number ? Outcome<Done>(Done{}) : Outcome<Done>(number.GetError());
        } else if (const auto limit_field = limit_settings.find(key);
                   limit_field != limit_settings.end()) {
            const Limit& limit = limit_field->second;
            auto number = ParseNumber<int>(key, value, limit.least, limit.most);
            if (number) {
                config.*(limit.field) = number.Value();
            }
            applied = number ? Outcome<Done>(Done{}) : Outcome<Done>(number.GetError());
        } else if (const auto size_field = size_settings.find(key);
                   size_field != size_settings.end()) {
            auto number = ParseNumber<std::size_t>(key, value, 1024, std::size_t{1} << 32);
            if (number) {
                config.*(size_field->second) = number.Value();
            }
            applied = number ? Outcome<Done>(Done{}) : Outcome<Done>(number.GetError());
        } else {
            applied = BadSetting(key, "is not a known setting");
        }
        if (!applied) {
            return applied.GetError();
        }
    }
    return config;
}

}  // namespace motcua::app
