// The portal's answers to POST /auth and POST /api (docs/dvcqg.md §2–3): sign-in, the two pushes
// (applied to PortalState once per Idempotency-Key) and the three pulls. Every answer is HTTP 200
// with {"error_code", "message", …}, as the real portal's.
#pragma once

#include <string>

#include "simulators/common/exchange.hpp"
#include "simulators/dvcqg/catalog.hpp"
#include "simulators/dvcqg/sessions.hpp"
#include "simulators/dvcqg/state.hpp"

namespace motcua::sim::dvcqg {

struct PortalOptions {
    std::string username = "motcua";
    std::string password = "secret";
    std::string unit = "H40";  ///< The madonvi every call must carry.
};

class PortalServices {
public:
    PortalServices(PortalOptions options, PortalState& state, Sessions& sessions,
                   const Catalog& catalog);

    /// POST /auth.
    SimReply Auth(const SimRequest& request);
    /// POST /api.
    SimReply Api(const SimRequest& request);

private:
    SimReply Invalid(const std::string& field, const std::string& message);
    SimReply PushDossiers(const SimRequest& request, const boost::json::object& body);
    SimReply PushSteps(const SimRequest& request, const boost::json::object& body);
    SimReply ListPortalDossiers(const boost::json::object& body);

    PortalOptions options_;
    PortalState& state_;
    Sessions& sessions_;
    const Catalog& catalog_;
};

}  // namespace motcua::sim::dvcqg
