// What a drawn fault does to a call (the "Faults" table of each simulator's README.md): the kinds
// that apply the call (drop_ack, slow) run it and spoil the delivery of its answer; the others
// never run it and answer, or close, in its place. The answers that stand in for the service's
// own (HTTP 500, a huge body, wrong types) are each simulator's, in its protocol's terms.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"

namespace motcua::sim {

/// The size of the huge_body fault's answer: well above the 1 MiB the connectors accept.
inline constexpr std::size_t kHugeBodyBytes = std::size_t{5} * 1024 * 1024;

/// The bodies a simulator answers in place of its own; built once, at start-up.
struct FaultAnswers {
    std::string http_500;     ///< The body of the HTTP 500 (an error in the protocol's terms).
    std::string huge_body;    ///< HTTP 200: a well-formed success of kHugeBodyBytes.
    std::string wrong_types;  ///< HTTP 200: the success's fields, of the wrong JSON types.
};

/// `{<fields>,"padding":"xxx…"}` of exactly kHugeBodyBytes; `fields` are JSON members without
/// the braces (`"error_code":"0","message":"thành công"`).
std::string HugeJsonBody(std::string_view fields);

/// The reply to a call that suffers `kind` under `plan`; `apply` runs the call (validating it as
/// usual) and answers it, and is called only by the kinds that apply it.
SimReply FaultedReply(FaultKind kind, const FaultPlan& plan, const FaultAnswers& answers,
                      const std::function<SimReply()>& apply);

}  // namespace motcua::sim
