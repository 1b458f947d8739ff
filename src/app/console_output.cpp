#include "app/console_output.hpp"

#include <fmt/format.h>

namespace motcua::app {

void PrintError(const Error& error) {
    fmt::print(stderr, "motcua: {}{}{}\n", error.param.empty() ? "" : error.param,
               error.param.empty() ? "" : ": ", error.detail.empty() ? error.code : error.detail);
}

void PrintSummary(std::string_view what, const storage::ImportSummary& summary) {
    fmt::print("{}: {} inserted, {} updated, {} unchanged\n", what, summary.inserted,
               summary.updated, summary.unchanged);
}

}  // namespace motcua::app
