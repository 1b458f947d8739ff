// Request targets (api/request_target.hpp): the path and query decoding, the route table's
// matching of the decoded segments (the API contract's paths, every method) and the typed query
// parameters the handlers read.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>

#include <boost/json.hpp>

#include "api/query_params.hpp"
#include "api/request_target.hpp"
#include "api/router.hpp"
#include "common/assert.hpp"
#include "domain/catalog/procedure.hpp"
#include "fuzz_input.hpp"

namespace {

using motcua::api::Route;

// Every operation of docs/api/openapi.json, with a handler that answers 200.
std::vector<Route> ContractRoutes() {
    std::ifstream file(MOTCUA_OPENAPI_JSON);
    const std::string text{std::istreambuf_iterator<char>(file), {}};
    const auto document = boost::json::parse(text).as_object();
    std::vector<Route> routes;
    for (const auto& [path, operations] : document.at("paths").as_object()) {
        for (const auto& operation : operations.as_object()) {
            std::string method(operation.key());
            for (char& c : method) {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            routes.push_back({method, std::string(path),
                              [](const motcua::api::Request&, const motcua::api::PathParams&) {
                                  return motcua::api::Response{};
                              }});
        }
    }
    MOTCUA_ASSERT(!routes.empty(), "the contract lists operations");
    return routes;
}

const motcua::api::Router& ContractRouter() {
    static const motcua::api::Router router(ContractRoutes());
    return router;
}

std::size_t Placeholders(const std::string& pattern) {
    return static_cast<std::size_t>(std::count(pattern.begin(), pattern.end(), '{'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    const auto target = api::ParseRequestTarget(fuzz::AsText(data, size));
    if (!target) {
        return 0;
    }
    const auto& segments = target.Value().segments;
    for (const char* method : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}) {
        const auto match = ContractRouter().Match(method, segments);
        if (match.route != nullptr) {
            MOTCUA_ASSERT(match.params.size() == Placeholders(match.route->pattern),
                          "a match captures one value per placeholder");
            for (const auto& param : match.params) {
                MOTCUA_ASSERT(!param.empty(), "a placeholder matches a non-empty segment");
            }
        }
    }
    api::Request request;
    request.query = target.Value().query;
    const api::QueryParams params(request);
    for (const auto& [key, value] : request.query) {
        (void)params.Text(key);
        (void)params.Integer(key, 0);
        (void)params.Flag(key);
        (void)params.Enum(key, domain::ParseTimeUnit);
    }
    (void)params.RejectUnknown({"limit", "cursor", "q", "level", "field"});
    return 0;
}
