// The applicant's pages (README.md "The payment page"): GET /pay/<ref> shows the order with four
// buttons, the simulated outcomes of a payment; afterwards a page says how it ended. Vietnamese
// first, English second; every value from the INIT is HTML-escaped.
#pragma once

#include <string>
#include <string_view>

#include "simulators/payment_platform/state.hpp"

namespace motcua::sim::payment_platform {

/// The order and a <form method="post"> with buttons #pay-success, #pay-cancel,
/// #pay-insufficient and #pay-timeout (name "outcome", values success, cancel, insufficient,
/// timeout).
std::string PayPage(const Transaction& transaction);
/// How a settled transaction ended (no return URL to send the browser to).
std::string DonePage(const Transaction& transaction);
/// A short page for what cannot be shown (unknown reference, bad form).
std::string NoticePage(std::string_view vietnamese, std::string_view english);

}  // namespace motcua::sim::payment_platform
