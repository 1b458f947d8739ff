// The demo province's signing keys (docs/e-results.md §2): a demo certification authority and a
// key for the province and for each agency a demo account works at (a service centre's parent,
// which signs its results). Kept when there already: running `motcua demo` again changes nothing.
#pragma once

#include <string>

#include "common/outcome.hpp"
#include "services/catalog/catalog_service.hpp"

namespace motcua::app {

/// Makes what is missing in `keys_dir`; returns how many agency keys were made.
Outcome<int> EnsureDemoKeys(const std::string& keys_dir, services::CatalogService& catalog,
                            std::int64_t now);

}  // namespace motcua::app
