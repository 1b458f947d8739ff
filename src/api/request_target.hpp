// Parses a request target ("/api/v1/procedures?q=d%C4%83ng%20k%C3%BD") into decoded path
// segments and query parameters. A target that is not a valid origin-form URL is rejected.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::api {

struct RequestTarget {
    std::vector<std::string> segments;
    std::vector<std::pair<std::string, std::string>> query;
};

/// Returns the decoded segments and query of `target`, or an invalid-request error.
Outcome<RequestTarget> ParseRequestTarget(std::string_view target);

}  // namespace motcua::api
