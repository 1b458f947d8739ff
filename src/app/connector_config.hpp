// The settings of the outbox dispatcher and of each connector to an external system
// (docs/connectors.md §4): `outbox_*`, `dvcqg_*`, `witness_*`, `vnpay_*`, `payment_platform_*`
// and `payments_*` keys of the configuration.
// Credentials come from the configuration file or the environment (MOTCUA_DVCQG_PASSWORD,
// MOTCUA_WITNESS_TOKEN, MOTCUA_VNPAY_SECRET, MOTCUA_PAYMENT_PLATFORM_SECRET) or a file (the
// `*_file` settings) — never from the repository.
#pragma once

#include <map>
#include <string>

#include "common/outcome.hpp"
#include "services/outbox/outbox_routing.hpp"

namespace motcua::app {

struct OutboxConfig {
    int workers = 8;
    int batch = 256;
    int poll_ms = 250;
    int lease_seconds = 120;
    int max_attempts = 15;
    int backoff_base_ms = 1000;
    int backoff_cap_ms = 300'000;
};

struct DvcqgConfig {
    services::ConnectorMode mode = services::ConnectorMode::kOff;
    std::string url;  // Base URL of the portal's API, e.g. https://api.dichvucong.gov.vn/lgsp
    std::string username;
    std::string password;
    std::string password_file;  // Read at start when set (one line; wins over `password`).
    std::string unit_code;      // madonvi; default: the catalogue's root agency code.
    int timeout_ms = 10'000;
    std::string ca_file;            // Extra CA certificates (PEM); default: the system's store.
    int pull_seconds = 60;          // Dossiers submitted on the portal; 0: not pulled.
    int catalogue_pull_hours = 24;  // The national catalogue into the review queue; 0: never.
};

/// The remote witness of the audit log's head (docs/connectors.md §5).
struct WitnessConfig {
    services::ConnectorMode mode = services::ConnectorMode::kOff;
    std::string url;  // Base URL of the witness, where /v1/anchors lives.
    std::string token;
    std::string token_file;  // Read at start when set (one line; wins over `token`).
    std::string source;      // This installation's name at the witness.
    int timeout_ms = 10'000;
    std::string ca_file;
};

/// An online payment gateway (docs/payments.md §3): VNPay or the national payment platform.
/// `mode` off: not offered; queue: offered, its order checks kept; deliver: checks delivered.
struct GatewayConfig {
    services::ConnectorMode mode = services::ConnectorMode::kOff;
    std::string url;          // VNPay: where the pay page is; the platform: its API base.
    std::string api_url;      // VNPay's querydr host; empty: url.
    std::string merchant;     // vnp_TmnCode, MaDoiTac.
    std::string secret;       // The signing key the gateway issued.
    std::string secret_file;  // Read at start when set (one line; wins over `secret`).
    int timeout_ms = 10'000;
    std::string ca_file;
};

struct PaymentConfig {
    GatewayConfig vnpay;
    GatewayConfig platform;
    int check_after_seconds = 900;  // First check of an order whose callback has not come.
};

/// The Time-Stamp Authority that stamps signed results (docs/e-results.md §3); none without a URL.
struct TsaConfig {
    std::string url;  // The authority's full URL (RFC 3161 over HTTP).
    int timeout_ms = 5'000;
    std::string ca_file;
};

struct ConnectorConfig {
    OutboxConfig outbox;
    TsaConfig tsa;
    DvcqgConfig dvcqg;
    WitnessConfig witness;
    PaymentConfig payments;
};

/// Whether `key` is one of the settings here.
bool IsConnectorSetting(const std::string& key);
/// Applies one setting; the error names the key.
Outcome<Done> ApplyConnectorSetting(const std::string& key, const std::string& value,
                                    ConnectorConfig& config);
/// The settings here with their descriptions (merged into DescribeSettings).
const std::map<std::string, std::string>& DescribeConnectorSettings();

}  // namespace motcua::app
