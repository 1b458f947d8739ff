// The pages the citizen's browser sees at the simulated gateway: the payment page with one button
// per outcome, and the error page of a refused pay URL. Plain HTML that works on a phone and with
// a screen reader, Vietnamese first and English second; stable ids for the browser tests.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "simulators/common/exchange.hpp"
#include "simulators/vnpay/state.hpp"

namespace motcua::sim::vnpay {

/// The error codes of the error page (README.md "The payment page").
namespace page_error {
inline constexpr std::string_view kOrderExists = "02";      ///< The txn_ref was used before.
inline constexpr std::string_view kBadData = "03";          ///< A parameter missing or malformed.
inline constexpr std::string_view kExpired = "15";          ///< vnp_ExpireDate passed.
inline constexpr std::string_view kBadSignature = "70";     ///< vnp_SecureHash wrong.
inline constexpr std::string_view kUnknownMerchant = "71";  ///< vnp_TmnCode not this gateway's.
inline constexpr std::string_view kNotFound = "91";         ///< No such transaction (POST pay).
}  // namespace page_error

/// HTTP 200 with the error page: the code visible and in `data-error-code`.
SimReply ErrorPage(std::string_view code, std::string_view detail);
/// HTTP 200 with the payment page of a pending transaction.
SimReply PaymentPage(const Transaction& transaction);

}  // namespace motcua::sim::vnpay
