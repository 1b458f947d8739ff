#include <boost/json.hpp>

#include "api/imports/import_catalog.hpp"

namespace motcua::api::imports {

Response ImportDossiers(ApiContext& context, const Request& request) {
    const auto type = request.Header("content-type");
    const auto media = type.substr(0, type.find(';'));
    if (media != "application/x-ndjson" && media != "application/jsonl" &&
        media != "application/json") {
        return context.errors.Render(
            MakeError(ErrorKind::kUnsupportedMediaType, "unsupported_media_type", "content-type"));
    }
    auto report = context.history_import->Import(request.actor, request.body);
    if (!report) {
        return context.errors.Render(report.GetError());
    }
    boost::json::array errors;
    for (const auto& [line, error] : report.Value().errors) {
        const auto rendered = boost::json::parse(context.errors.Render(error).body).as_object();
        boost::json::object item;
        item["line"] = line;
        item["code"] = rendered.at("code");
        item["param"] = rendered.contains("param") ? rendered.at("param") : nullptr;
        item["message_vi"] = rendered.at("message_vi");
        item["message_en"] = rendered.at("message_en");
        item["detail"] = rendered.contains("detail") ? rendered.at("detail") : nullptr;
        errors.push_back(std::move(item));
    }
    boost::json::object reply;
    reply["imported"] = report.Value().imported;
    reply["rejected"] = report.Value().rejected;
    reply["errors"] = std::move(errors);
    return JsonResponse(reply);
}

}  // namespace motcua::api::imports
