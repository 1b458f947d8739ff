// Display names the API adds next to codes, so that clients need no extra calls.
#pragma once

#include <string>

#include <boost/json.hpp>

#include "services/catalog/catalog_snapshot.hpp"

namespace motcua::api::json {

/// The agency's Vietnamese name, or null when the code is empty or unknown.
boost::json::value AgencyName(const services::CatalogSnapshot& snapshot, const std::string& code);
/// `text`, or null when it is empty.
boost::json::value StringOrNull(const std::string& text);

}  // namespace motcua::api::json
