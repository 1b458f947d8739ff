// The simulators' outbound HTTP: a gateway calling back the merchant (VNPay's IPN, the payment
// platform's confirm). One request per connection, plain http:// only, a deadline on the whole
// exchange. Kept free of Beast so that only http_call.cpp and server.cpp pay for Asio and Beast.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace motcua::sim {

/// The answer, or why there was none.
struct HttpCallResult {
    int status = 0;     ///< 0 when there was no answer.
    std::string body;   ///< At most 1 MiB is read.
    std::string error;  ///< Not empty when there was no answer (bad URL, refused, timeout, closed).
};

/// Sends one HTTP/1.1 request to an http:// URL (host, optional port, path and query) on a new
/// connection and waits at most `timeout` for the whole answer. `content_type` and `body` may be
/// empty (a GET).
HttpCallResult CallHttp(std::string_view method, std::string_view url,
                        std::string_view content_type, std::string_view body,
                        std::chrono::milliseconds timeout);

}  // namespace motcua::sim
