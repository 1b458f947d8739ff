#include "app/config_loading.hpp"

#include <cstdlib>

#include <spdlog/spdlog.h>
#include <unistd.h>  // environ: glibc declares it under _GNU_SOURCE, which C++ defines.

namespace motcua::app {
namespace {

spdlog::level::level_enum SpdlogLevel(LogLevel level) {
    switch (level) {
        case LogLevel::kTrace:
            return spdlog::level::trace;
        case LogLevel::kDebug:
            return spdlog::level::debug;
        case LogLevel::kInfo:
            return spdlog::level::info;
        case LogLevel::kWarn:
            return spdlog::level::warn;
        case LogLevel::kError:
            return spdlog::level::err;
    }
    return spdlog::level::info;
}

}  // namespace

Outcome<LoadedConfig> LoadConfig(const ConfigFlags& flags) {
    std::string config_file = flags.config_file;
    if (config_file.empty()) {
        // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up, before any thread starts.
        if (const char* from_environment = std::getenv("MOTCUA_CONFIG")) {
            config_file = from_environment;
        }
    }
    RawSettings settings;
    if (!config_file.empty()) {
        MOTCUA_ASSIGN_OR_RETURN(auto file, ReadConfigFile(config_file));
        settings = file;
    }
    LoadedConfig loaded;
    for (const auto& source : {ReadEnvironment(environ, &loaded.ignored_variables), flags.values}) {
        for (const auto& [key, value] : source) {
            settings[key] = value;
        }
    }
    MOTCUA_ASSIGN_OR_RETURN(auto config, ApplySettings(AppConfig{}, settings));
    loaded.config = std::move(config);
    return loaded;
}

void SetUpLogging(const LoadedConfig& loaded) {
    spdlog::set_level(SpdlogLevel(loaded.config.log_level));
    for (const auto& name : loaded.ignored_variables) {
        spdlog::warn("{} is not a MotCua setting; ignored", name);
    }
}

}  // namespace motcua::app
