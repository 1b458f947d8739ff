// Loading the configuration at start-up from its sources, later ones winning: the defaults, the
// config file (the --config flag, else $MOTCUA_CONFIG), the MOTCUA_* environment variables and
// the command-line flags; then setting up logging from it.
#pragma once

#include <string>
#include <vector>

#include "app/config.hpp"

namespace motcua::app {

/// What the command line said about the configuration.
struct ConfigFlags {
    std::string config_file;  // Empty: $MOTCUA_CONFIG, else none.
    RawSettings values;       // Flags that override the file and the environment, by key.
};

struct LoadedConfig {
    AppConfig config;
    std::vector<std::string> ignored_variables;  // MOTCUA_* names that are no setting.
};

/// Reads and checks every source; the error names the bad key (and the file's line).
Outcome<LoadedConfig> LoadConfig(const ConfigFlags& flags);

/// Sets the log level and warns of the ignored environment variables.
void SetUpLogging(const LoadedConfig& loaded);

}  // namespace motcua::app
