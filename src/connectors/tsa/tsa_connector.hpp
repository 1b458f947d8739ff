// TsaConnector: MotCua's link with an RFC 3161 Time-Stamp Authority over HTTP (RFC 3161 §3.4):
// the TimeStampReq POSTed as application/timestamp-query to the configured URL, the
// TimeStampResp read back as application/timestamp-reply. Synchronous: the signature it stamps
// waits for it (docs/e-results.md §3).
#pragma once

#include <memory>
#include <string>

#include "connectors/http/http_client.hpp"
#include "services/results/timestamp_authority.hpp"

namespace motcua::connectors {

class TsaConnector final : public services::TimestampAuthority {
public:
    /// `url`: the authority's full URL (http[s]://host[:port]/path); `http` its timeouts and CA.
    static Outcome<std::unique_ptr<TsaConnector>> Create(const std::string& url,
                                                         HttpClientOptions http);
    Outcome<std::string> Exchange(const std::string& query) override;

private:
    TsaConnector(std::unique_ptr<HttpClient> client, std::string target)
        : client_(std::move(client)), target_(std::move(target)) {}

    std::unique_ptr<HttpClient> client_;
    std::string target_;  // The URL's path: where the requests go.
};

}  // namespace motcua::connectors
