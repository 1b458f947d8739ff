// What the simulated TSA holds: the answer it gives (POST /_sim/answer), the serial numbers'
// counter, the tokens it signed, and the counters the tests compare. One mutex guards it all.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "simulators/common/sim_state.hpp"
#include "simulators/tsa/stamper.hpp"

namespace motcua::sim::tsa {

/// The counters (README.md "Control routes"); every name is present in the JSON, 0 until counted.
namespace counter {
inline constexpr std::string_view kRequests = "requests";  ///< Calls to /tsa received.
inline constexpr std::string_view kIssued = "issued";      ///< Granted tokens for the request sent.
inline constexpr std::string_view kRejected = "rejected";  ///< Rejections of the rejection answer.
inline constexpr std::string_view kInvalid =
    "invalid";  ///< Requests OpenSSL refused (not DER, badAlg…) and bodies over 1 MiB.
inline constexpr std::string_view kSpoiled =
    "spoiled";  ///< wrong_imprint, wrong_nonce, garbage and truncated answers.
inline constexpr std::string_view kDownRefused = "down_refused";  ///< 503 during an outage.
inline constexpr std::array<std::string_view, 6> kAll = {kRequests, kIssued,  kRejected,
                                                         kInvalid,  kSpoiled, kDownRefused};
}  // namespace counter

/// The most tokens the state keeps (the oldest are forgotten first).
inline constexpr std::size_t kKeptStamps = 1000;

class TsaState final : public SimState {
public:
    TsaState();

    AnswerMode Mode() const;
    void SetMode(AnswerMode mode);

    /// The next serial number: 1, 2, … over the process's life (a reset does not restart it, so
    /// that no two tokens share one).
    std::uint64_t NextSerial();
    /// Keeps a signed token's fields.
    void Keep(IssuedStamp stamp);

    /// GET /_sim/state: {"answer", "policy", "next_serial", "counters": {…, "faults": {…}},
    /// "stamps": [{serial, gen_time, policy, imprint, nonce, answer}, …]} (oldest first).
    boost::json::object StateJson() const override;
    /// Forgets the tokens, zeroes the counters, answers "stamp" again.
    void Reset() override;

    void SetPolicy(std::string policy);

private:
    AnswerMode mode_ = AnswerMode::kStamp;
    std::uint64_t next_serial_ = 1;
    std::deque<IssuedStamp> stamps_;
    std::string policy_;
};

}  // namespace motcua::sim::tsa
