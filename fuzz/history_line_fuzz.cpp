// The dossier history import (interchange/dossier_history_json.hpp): a JSON Lines file, split
// as the importer splits it, each line parsed on its own. An accepted line's metadata and event
// payloads are stored as JSON text, which must read back.
#include <cstddef>
#include <cstdint>

#include <boost/json.hpp>

#include "common/assert.hpp"
#include "common/text_lines.hpp"
#include "fuzz_input.hpp"
#include "interchange/dossier_history_json.hpp"

namespace {

bool IsObjectText(std::string_view text) {
    boost::system::error_code error;
    const auto value = boost::json::parse(text, error);
    return !error && value.is_object();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    for (const auto line : SplitLines(fuzz::AsText(data, size))) {
        const auto record = interchange::ParseHistoryLine(line);
        if (!record) {
            MOTCUA_ASSERT(record.GetError().code == "invalid_import", "a bad line is reported");
            continue;
        }
        const auto& history = record.Value();
        MOTCUA_ASSERT(!history.events.empty(), "a dossier has at least one event");
        MOTCUA_ASSERT(history.metadata_json.empty() || IsObjectText(history.metadata_json),
                      "the metadata reads back as an object");
        for (const auto& event : history.events) {
            MOTCUA_ASSERT(IsObjectText(event.input.payload_json), "a payload reads back");
        }
    }
    return 0;
}
