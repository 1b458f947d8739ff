// JSON request bodies (api/json/request_body.hpp): ParseJsonBody and, on what it accepts, what
// the handlers read next — the string fields and a dossier action (interchange/action_json.hpp,
// whose payload is stored). Whatever is kept must write back as JSON that parses again.
#include <cstddef>
#include <cstdint>

#include <boost/json.hpp>

#include "api/json/request_body.hpp"
#include "common/assert.hpp"
#include "common/json_text.hpp"
#include "fuzz_input.hpp"
#include "interchange/action_json.hpp"

namespace {

bool Parses(std::string_view text) {
    boost::system::error_code error;
    (void)boost::json::parse(text, error);
    return !error;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    api::Request request;
    request.method = "POST";
    request.headers = {{"content-type", "application/json; charset=utf-8"}};
    request.body = fuzz::AsText(data, size);
    const auto body = api::json::ParseJsonBody(request);
    if (!body) {
        return 0;
    }
    const auto& object = body.Value();
    for (const auto& entry : object) {
        (void)api::json::OptionalString(object, entry.key());
        (void)api::json::RequiredString(object, entry.key());
    }
    MOTCUA_ASSERT(Parses(ToJsonText(object)), "an accepted body writes back as JSON");
    const auto action = interchange::ActionInputFromJson(object, "", {"at"});
    if (action) {
        MOTCUA_ASSERT(Parses(action.Value().payload_json), "a stored payload reads back");
    }
    return 0;
}
