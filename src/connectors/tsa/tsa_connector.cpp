#include "connectors/tsa/tsa_connector.hpp"

namespace motcua::connectors {
namespace {

Error Unavailable(std::string why) {
    return MakeError(ErrorKind::kUnavailable, "timestamp_unavailable", "tsa", std::move(why));
}

}  // namespace

Outcome<std::unique_ptr<TsaConnector>> TsaConnector::Create(const std::string& url,
                                                            HttpClientOptions http) {
    // The base is scheme://authority; the rest of the URL is the target of every request.
    const auto scheme_end = url.find("://");
    const auto path_start =
        scheme_end == std::string::npos ? std::string::npos : url.find('/', scheme_end + 3);
    http.base_url = url.substr(0, path_start);
    std::string target = path_start == std::string::npos ? "/" : url.substr(path_start);
    MOTCUA_ASSIGN_OR_RETURN(auto client, HttpClient::Create(std::move(http)));
    return std::unique_ptr<TsaConnector>(new TsaConnector(std::move(client), std::move(target)));
}

Outcome<std::string> TsaConnector::Exchange(const std::string& query) {
    auto answer = client_->Post(target_, query,
                                {{"Content-Type", "application/timestamp-query"},
                                 {"Accept", "application/timestamp-reply"}});
    if (!answer) {
        return Unavailable("the authority cannot be reached: " + answer.GetError().param + " " +
                           answer.GetError().detail);
    }
    if (answer.Value().status != 200) {
        return Unavailable("the authority answered HTTP " + std::to_string(answer.Value().status));
    }
    return std::move(answer.Value().body);
}

}  // namespace motcua::connectors
