// TimestampAuthority: the port to an RFC 3161 Time-Stamp Authority (docs/e-results.md §3), which
// stamps the signature of each signed result when one is configured (connectors/tsa). Called in
// the finish that issues the result: the stamp is part of the signed file.
#pragma once

#include <string>

#include "common/outcome.hpp"

namespace motcua::services {

class TimestampAuthority {
public:
    virtual ~TimestampAuthority() = default;
    /// Sends the DER TimeStampReq `query` and returns the DER TimeStampResp, whatever status it
    /// states. kUnavailable "timestamp_unavailable" when the authority cannot be reached or
    /// answers no TimeStampResp (an HTTP error, a timeout).
    virtual Outcome<std::string> Exchange(const std::string& query) = 0;
};

}  // namespace motcua::services
