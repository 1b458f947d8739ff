// The settings of the outbox dispatcher and of each connector to an external system
// (docs/connectors.md §4): `outbox_*`, `dvcqg_*` and `witness_*` keys of the configuration.
// Credentials come from the configuration file or the environment (MOTCUA_DVCQG_PASSWORD,
// MOTCUA_WITNESS_TOKEN) or a file (dvcqg_password_file, witness_token_file) — never from the
// repository.
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

struct ConnectorConfig {
    OutboxConfig outbox;
    DvcqgConfig dvcqg;
    WitnessConfig witness;
};

/// Whether `key` is one of the settings here.
bool IsConnectorSetting(const std::string& key);
/// Applies one setting; the error names the key.
Outcome<Done> ApplyConnectorSetting(const std::string& key, const std::string& value,
                                    ConnectorConfig& config);
/// The settings here with their descriptions (merged into DescribeSettings).
const std::map<std::string, std::string>& DescribeConnectorSettings();

}  // namespace motcua::app
