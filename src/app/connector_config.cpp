#include "app/connector_config.hpp"

#include <charconv>

namespace motcua::app {
namespace {

struct IntSetting {
    int OutboxConfig::*field;
    int least;
    int most;
};

const std::map<std::string, IntSetting, std::less<>>& IntSettings() {
    static const std::map<std::string, IntSetting, std::less<>> settings{
        {"outbox_workers", {&OutboxConfig::workers, 1, 64}},
        {"outbox_batch", {&OutboxConfig::batch, 1, 10'000}},
        {"outbox_poll_ms", {&OutboxConfig::poll_ms, 10, 60'000}},
        {"outbox_lease_seconds", {&OutboxConfig::lease_seconds, 10, 86'400}},
        {"outbox_max_attempts", {&OutboxConfig::max_attempts, 1, 1000}},
        {"outbox_backoff_base_ms", {&OutboxConfig::backoff_base_ms, 1, 3'600'000}},
        {"outbox_backoff_cap_ms", {&OutboxConfig::backoff_cap_ms, 1, 86'400'000}},
    };
    return settings;
}

Error BadSetting(const std::string& key, const std::string& detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_config", key, detail);
}

Outcome<int> ParseInt(const std::string& key, const std::string& text, int least, int most) {
    int number = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, number);
    if (text.empty() || error != std::errc{} || stop != end || number < least || number > most) {
        return BadSetting(key, "must be a whole number from " + std::to_string(least) + " to " +
                                   std::to_string(most) + ", not \"" + text + "\"");
    }
    return number;
}

Outcome<services::ConnectorMode> ParseMode(const std::string& key, const std::string& value) {
    if (value == "off") {
        return services::ConnectorMode::kOff;
    }
    if (value == "queue") {
        return services::ConnectorMode::kQueue;
    }
    if (value == "deliver") {
        return services::ConnectorMode::kDeliver;
    }
    return BadSetting(key, "must be off, queue or deliver");
}

Outcome<std::string> ParseUrl(const std::string& key, const std::string& value) {
    if (!value.empty() && value.rfind("https://", 0) != 0 && value.rfind("http://", 0) != 0) {
        return BadSetting(key, "must start with https:// or http://");
    }
    return value;
}

Outcome<Done> ApplyWitnessSetting(const std::string& key, const std::string& value,
                                  WitnessConfig& witness) {
    if (key == "witness_mode") {
        MOTCUA_ASSIGN_OR_RETURN(witness.mode, ParseMode(key, value));
    } else if (key == "witness_url") {
        MOTCUA_ASSIGN_OR_RETURN(witness.url, ParseUrl(key, value));
    } else if (key == "witness_token") {
        witness.token = value;
    } else if (key == "witness_token_file") {
        witness.token_file = value;
    } else if (key == "witness_source") {
        witness.source = value;
    } else if (key == "witness_timeout_ms") {
        MOTCUA_ASSIGN_OR_RETURN(witness.timeout_ms, ParseInt(key, value, 100, 600'000));
    } else if (key == "witness_ca_file") {
        witness.ca_file = value;
    } else {
        return BadSetting(key, "is not a known setting");
    }
    return Done{};
}

// vnpay_* and payment_platform_*.
Outcome<Done> ApplyGatewaySetting(const std::string& key, const std::string& value,
                                  PaymentConfig& payments) {
    const bool vnpay = key.starts_with("vnpay_");
    GatewayConfig& gateway = vnpay ? payments.vnpay : payments.platform;
    const std::string name = key.substr(vnpay ? 6 : 17);
    if (name == "mode") {
        MOTCUA_ASSIGN_OR_RETURN(gateway.mode, ParseMode(key, value));
    } else if (name == "url") {
        MOTCUA_ASSIGN_OR_RETURN(gateway.url, ParseUrl(key, value));
    } else if (name == "api_url") {
        MOTCUA_ASSIGN_OR_RETURN(gateway.api_url, ParseUrl(key, value));
    } else if (name == "timeout_ms") {
        MOTCUA_ASSIGN_OR_RETURN(gateway.timeout_ms, ParseInt(key, value, 100, 600'000));
    } else if (name == "tmn_code" || name == "partner_code") {
        gateway.merchant = value;
    } else if (name == "secret") {
        gateway.secret = value;
    } else if (name == "secret_file") {
        gateway.secret_file = value;
    } else if (name == "ca_file") {
        gateway.ca_file = value;
    } else {
        return BadSetting(key, "is not a known setting");
    }
    return Done{};
}

}  // namespace

const std::map<std::string, std::string>& DescribeConnectorSettings() {
    static const std::map<std::string, std::string> descriptions{
        {"outbox_workers", "deliveries under way at once per connector (default 8)"},
        {"outbox_batch", "outbox rows claimed per round (default 256)"},
        {"outbox_poll_ms", "pause between rounds when the outbox is drained (default 250)"},
        {"outbox_lease_seconds",
         "how long a claim holds its rows; a crashed process's rows go again after it "
         "(default 120)"},
        {"outbox_max_attempts", "failed deliveries before a row is dead (default 15)"},
        {"outbox_backoff_base_ms",
         "delay after the first failure, doubled each time (default 1000)"},
        {"outbox_backoff_cap_ms", "longest delay between two attempts (default 300000)"},
        {"dvcqg_mode",
         "national portal sync: off (default), queue (record what is to be sent, send nothing) "
         "or deliver"},
        {"dvcqg_url", "base URL of the national portal's API (https://…)"},
        {"dvcqg_username", "the province's account at the national portal"},
        {"dvcqg_password",
         "its password: set MOTCUA_DVCQG_PASSWORD in the service's environment file, or use "
         "dvcqg_password_file"},
        {"dvcqg_password_file", "a file holding the password (one line; readable by motcua only)"},
        {"dvcqg_unit_code",
         "madonvi, the province's code at the portal (default: the root agency)"},
        {"dvcqg_timeout_ms", "longest wait for one answer of the portal (default 10000)"},
        {"dvcqg_ca_file",
         "extra CA certificates (PEM) to verify the portal (default: the system's)"},
        {"dvcqg_pull_seconds",
         "how often dossiers submitted on the portal are taken in, in deliver mode; 0: never "
         "(default 60)"},
        {"dvcqg_catalogue_pull_hours",
         "how often the national catalogue is compared into the review queue, in deliver mode; "
         "0: never (default 24)"},
        {"signing_tsa_url",
         "RFC 3161 time-stamp authority (http[s]://…) that stamps every signed result; empty "
         "(default): no timestamp"},
        {"signing_tsa_timeout_ms",
         "longest wait for the time-stamp authority; past it the finish fails (default 5000)"},
        {"signing_tsa_ca_file",
         "extra CA certificates (PEM) to verify the time-stamp authority's https (default: the "
         "system's)"},
        {"witness_mode",
         "audit witness: off (default), queue (record the anchors to send, send nothing) or "
         "deliver the audit log's head to a remote witness"},
        {"witness_url", "base URL of the witness (https://…), where /v1/anchors lives"},
        {"witness_token",
         "the bearer token the witness knows this installation by: set MOTCUA_WITNESS_TOKEN in "
         "the service's environment file, or use witness_token_file"},
        {"witness_token_file", "a file holding the token (one line; readable by motcua only)"},
        {"witness_source", "this installation's name at the witness, e.g. motcua-h32"},
        {"witness_timeout_ms", "longest wait for one answer of the witness (default 10000)"},
        {"witness_ca_file",
         "extra CA certificates (PEM) to verify the witness (default: the system's)"},
        {"vnpay_mode",
         "VNPay online payment: off (default), queue (offered; checks of unconfirmed orders "
         "kept) or deliver (also checked with querydr through the outbox)"},
        {"vnpay_url", "VNPay's pay page host (https://sandbox.vnpayment.vn)"},
        {"vnpay_api_url", "VNPay's querydr host (default: vnpay_url)"},
        {"vnpay_tmn_code", "the merchant's vnp_TmnCode"},
        {"vnpay_secret",
         "the merchant's hash secret: set MOTCUA_VNPAY_SECRET in the service's environment "
         "file, or use vnpay_secret_file"},
        {"vnpay_secret_file", "a file holding the hash secret (one line; readable by motcua only)"},
        {"vnpay_timeout_ms", "longest wait for one querydr answer (default 10000)"},
        {"vnpay_ca_file", "extra CA certificates (PEM) to verify VNPay (default: the system's)"},
        {"payment_platform_mode",
         "the national payment platform: off (default), queue or deliver, as vnpay_mode"},
        {"payment_platform_url", "the platform's API base (where /api/thanhtoan/init lives)"},
        {"payment_platform_partner_code", "MaDoiTac, the province's code at the platform"},
        {"payment_platform_secret",
         "the signing secret: set MOTCUA_PAYMENT_PLATFORM_SECRET in the service's environment "
         "file, or use payment_platform_secret_file"},
        {"payment_platform_secret_file",
         "a file holding the secret (one line; readable by motcua only)"},
        {"payment_platform_timeout_ms",
         "longest wait for one answer of the platform (default "
         "10000)"},
        {"payment_platform_ca_file",
         "extra CA certificates (PEM) to verify the platform (default: the system's)"},
        {"payments_check_after_seconds",
         "how long after a citizen is sent to a gateway its order is checked if no callback "
         "came (default 900)"},
    };
    return descriptions;
}

bool IsConnectorSetting(const std::string& key) {
    return DescribeConnectorSettings().contains(key);
}

Outcome<Done> ApplyConnectorSetting(const std::string& key, const std::string& value,
                                    ConnectorConfig& config) {
    if (const auto found = IntSettings().find(key); found != IntSettings().end()) {
        MOTCUA_ASSIGN_OR_RETURN(auto number,
                                ParseInt(key, value, found->second.least, found->second.most));
        config.outbox.*(found->second.field) = number;
        return Done{};
    }
    if (key.starts_with("witness_")) {
        return ApplyWitnessSetting(key, value, config.witness);
    }
    if (key == "signing_tsa_url") {
        MOTCUA_ASSIGN_OR_RETURN(config.tsa.url, ParseUrl(key, value));
        return Done{};
    }
    if (key == "signing_tsa_timeout_ms") {
        MOTCUA_ASSIGN_OR_RETURN(config.tsa.timeout_ms, ParseInt(key, value, 100, 60'000));
        return Done{};
    }
    if (key == "signing_tsa_ca_file") {
        config.tsa.ca_file = value;
        return Done{};
    }
    if (key.starts_with("vnpay_") || key.starts_with("payment_platform_")) {
        return ApplyGatewaySetting(key, value, config.payments);
    }
    if (key == "payments_check_after_seconds") {
        MOTCUA_ASSIGN_OR_RETURN(config.payments.check_after_seconds,
                                ParseInt(key, value, 1, 7 * 86'400));
        return Done{};
    }
    auto& dvcqg = config.dvcqg;
    if (key == "dvcqg_mode") {
        MOTCUA_ASSIGN_OR_RETURN(dvcqg.mode, ParseMode(key, value));
    } else if (key == "dvcqg_url") {
        MOTCUA_ASSIGN_OR_RETURN(dvcqg.url, ParseUrl(key, value));
    } else if (key == "dvcqg_timeout_ms") {
        MOTCUA_ASSIGN_OR_RETURN(dvcqg.timeout_ms, ParseInt(key, value, 100, 600'000));
    } else if (key == "dvcqg_username") {
        dvcqg.username = value;
    } else if (key == "dvcqg_password") {
        dvcqg.password = value;
    } else if (key == "dvcqg_password_file") {
        dvcqg.password_file = value;
    } else if (key == "dvcqg_unit_code") {
        dvcqg.unit_code = value;
    } else if (key == "dvcqg_ca_file") {
        dvcqg.ca_file = value;
    } else if (key == "dvcqg_pull_seconds") {
        MOTCUA_ASSIGN_OR_RETURN(dvcqg.pull_seconds, ParseInt(key, value, 0, 86'400));
    } else if (key == "dvcqg_catalogue_pull_hours") {
        MOTCUA_ASSIGN_OR_RETURN(dvcqg.catalogue_pull_hours, ParseInt(key, value, 0, 24 * 31));
    } else {
        return BadSetting(key, "is not a known setting");
    }
    return Done{};
}

}  // namespace motcua::app
