// The configuration's values (app/config.hpp): lines of key = value as in config/motcua.conf
// (read_ini trims both; '#' and ';' start comments), applied over the defaults by ApplySettings
// as the file, the MOTCUA_* variables and the flags give them — the listen address, numbers and
// sizes with their ranges, choices, address lists, URLs.
#include <cstddef>
#include <cstdint>

#include "app/config.hpp"
#include "common/assert.hpp"
#include "fuzz_input.hpp"

namespace {

std::string Trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    const auto last = text.find_last_not_of(" \t\r");
    return first == std::string_view::npos ? std::string{}
                                           : std::string(text.substr(first, last - first + 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    std::string_view text = fuzz::AsText(data, size);
    app::RawSettings settings;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string line = Trimmed(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const auto equals = line.find('=');
        if (equals == std::string::npos || line.starts_with('#') || line.starts_with(';')) {
            continue;
        }
        if (equals > 0) {  // read_ini refuses "= value": no source gives an empty key.
            settings[Trimmed(line.substr(0, equals))] = Trimmed(line.substr(equals + 1));
        }
    }
    const auto config = app::ApplySettings(app::AppConfig{}, settings);
    if (!config) {
        MOTCUA_ASSERT(!config.GetError().param.empty(), "a bad setting is named");
        return 0;
    }
    MOTCUA_ASSERT(config.Value().threads >= 1 && config.Value().sqlite_readers >= 1,
                  "counts of threads and connections are positive");
    (void)config.Value().GetSqlitePath();
    return 0;
}
