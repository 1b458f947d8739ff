// The simulated gateway's server-to-server routes: querydr (POST /merchant_webapi/api/transaction,
// VNPay's) and the daily reconciliation report (POST /merchant_webapi/api/report, the
// simulator's own). Both answer HTTP 200 with a signed JSON body whose response code says what
// went wrong (README.md "querydr", "The report").
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "simulators/common/exchange.hpp"
#include "simulators/vnpay/gateway.hpp"
#include "simulators/vnpay/state.hpp"

namespace motcua::sim::vnpay {

class MerchantApi {
public:
    MerchantApi(const GatewayOptions& options, GatewayState& state);

    SimReply QueryDr(const SimRequest& request);
    SimReply Report(const SimRequest& request);

private:
    const GatewayOptions& options_;
    GatewayState& state_;
    std::atomic<std::uint64_t> next_response_id_{1};
};

}  // namespace motcua::sim::vnpay
