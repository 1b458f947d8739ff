// What the commands print on the console: errors on standard error, import summaries.
#pragma once

#include <string_view>

#include "common/outcome.hpp"
#include "storage/catalog_repository.hpp"

namespace motcua::app {

/// Prints "motcua: PARAM: DETAIL" (the code when there is no detail) on standard error.
void PrintError(const Error& error);
/// Prints "WHAT: N inserted, N updated, N unchanged".
void PrintSummary(std::string_view what, const storage::ImportSummary& summary);

}  // namespace motcua::app
