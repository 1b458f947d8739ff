// The payment platform's API (README.md "The API"): INIT, QUERY, the receipt and the
// reconciliation report, each a signed JSON POST answered {"error_code", "message"} with HTTP 200
// (the receipt: a PDF). The caller has already checked the route, method, outage and body size,
// and drawn the faults; these check the body and answer in the protocol's terms.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/json/object.hpp>

#include "simulators/common/exchange.hpp"
#include "simulators/payment_platform/state.hpp"

namespace motcua::sim::payment_platform {

/// The platform's error_code values (assumed: official specification not found).
namespace code {
inline constexpr std::string_view kOk = "0";
inline constexpr std::string_view kMalformed = "1";         ///< Not JSON, a field missing or wrong.
inline constexpr std::string_view kUnknownPartner = "2";    ///< MaDoiTac.
inline constexpr std::string_view kBadSignature = "3";      ///< MaXacThuc.
inline constexpr std::string_view kBadAmount = "4";         ///< SoTien, or PhiLePhi's sum.
inline constexpr std::string_view kDuplicate = "5";         ///< MaThamChieu pending or paid.
inline constexpr std::string_view kUnknownReference = "6";  ///< QUERY, receipt.
inline constexpr std::string_view kNotPaid = "7";           ///< Receipt.
inline constexpr std::string_view kMethod = "98";           ///< HTTP 405 or 413.
inline constexpr std::string_view kUnavailable = "99";      ///< HTTP 503 or 500.
}  // namespace code

/// {"error_code": code, "message": message} with `status`.
SimReply PlatformAnswer(std::string_view error_code, std::string_view message, int status = 200);

class PlatformRoutes {
public:
    PlatformRoutes(PlatformState& state, std::string partner_code, std::string secret);

    /// The base of UrlThanhToan (http://127.0.0.1:PORT); set once the port is known, before
    /// the first request.
    void SetPublicUrl(std::string url);

    SimReply Init(const SimRequest& request);
    SimReply Query(const SimRequest& request);
    SimReply Receipt(const SimRequest& request);
    SimReply Report(const SimRequest& request);

private:
    /// A message that passed the checks every call makes first, in order: a JSON object, the
    /// signed fields present, MaDoiTac known, MaXacThuc right.
    struct SignedMessage {
        boost::json::object body;
        std::vector<std::string> values;  ///< The signed fields' values, in order.
    };

    SimReply Refuse(std::string_view error_code, std::string_view message);
    /// The message of `request` signed over `fields` (MaDoiTac the one at `partner`), or the
    /// refusal of the first check it fails.
    std::variant<SignedMessage, SimReply> ReadSigned(const SimRequest& request,
                                                     std::span<const std::string_view> fields,
                                                     std::size_t partner);
    /// QUERY and RECEIPT: the transaction a signed lookup of LoaiBanTin `type` names, or the
    /// refusal.
    std::variant<Transaction, SimReply> LookUp(const SimRequest& request, std::string_view type);

    PlatformState& state_;
    const std::string partner_code_;
    const std::string secret_;
    std::string public_url_;
};

}  // namespace motcua::sim::payment_platform
