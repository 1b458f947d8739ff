#include "app/connector_set.hpp"

#include <fstream>

#include "connectors/dvcqg/dvcqg_connector.hpp"

namespace motcua::app {
namespace {

Error Missing(const std::string& key, const std::string& detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_config", key, detail);
}

Outcome<std::string> ReadPassword(const DvcqgConfig& config) {
    if (config.password_file.empty()) {
        return config.password;
    }
    std::ifstream file(config.password_file);
    std::string line;
    if (!file || !std::getline(file, line)) {
        return Missing("dvcqg_password_file", "cannot read " + config.password_file);
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
        line.pop_back();
    }
    return line;
}

}  // namespace

ConnectorSet::ConnectorSet() = default;
ConnectorSet::~ConnectorSet() = default;
ConnectorSet::ConnectorSet(ConnectorSet&&) noexcept = default;
ConnectorSet& ConnectorSet::operator=(ConnectorSet&&) noexcept = default;

Outcome<ConnectorSet> BuildConnectors(const ConnectorConfig& config) {
    ConnectorSet set;
    const DvcqgConfig& dvcqg = config.dvcqg;
    if (dvcqg.mode != services::ConnectorMode::kOff) {
        if (dvcqg.url.empty()) {
            return Missing("dvcqg_url", "is needed when dvcqg_mode is queue or deliver");
        }
        if (dvcqg.unit_code.empty()) {
            return Missing("dvcqg_unit_code", "is needed when dvcqg_mode is queue or deliver");
        }
        MOTCUA_ASSIGN_OR_RETURN(auto password, ReadPassword(dvcqg));
        connectors::DvcqgOptions options;
        options.http.base_url = dvcqg.url;
        options.http.request_timeout = std::chrono::milliseconds(dvcqg.timeout_ms);
        options.http.connect_timeout =
            std::min(options.http.request_timeout, std::chrono::milliseconds(3000));
        options.http.ca_file = dvcqg.ca_file;
        options.http.max_idle_connections = std::max(8, config.outbox.workers);
        options.username = dvcqg.username;
        options.password = std::move(password);
        options.unit_code = dvcqg.unit_code;
        auto created = connectors::DvcqgConnector::Create(std::move(options));
        if (!created) {
            return Missing("dvcqg_url", created.GetError().detail);
        }
        set.dvcqg = std::move(created).Value();
        set.routing->Add(*set.dvcqg, dvcqg.mode);
        set.portal = set.dvcqg.get();
        if (dvcqg.mode == services::ConnectorMode::kDeliver) {
            set.delivering.push_back(set.dvcqg.get());
        }
    }
    return set;
}

}  // namespace motcua::app
