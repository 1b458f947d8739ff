#include "api/results/result_handlers.hpp"

#include <algorithm>
#include <cctype>

#include <boost/json.hpp>

#include "api/json/names.hpp"
#include "api/json/request_body.hpp"
#include "api/query_params.hpp"
#include "common/time_format.hpp"
#include "services/results/e_results.hpp"

namespace motcua::api::results {
namespace {

// Stored UTC → Vietnam time for the answer; null for "".
boost::json::value TimeOrNull(const std::string& stored) {
    if (stored.empty()) {
        return nullptr;
    }
    // Not a braced list: json::value would read {text} as an array of one.
    return boost::json::string(StoredInVietnam(stored));
}

boost::json::object ViewToJson(const services::ResultView& view) {
    const auto& r = view.result;
    return {{"id", r.public_id},
            {"status", view.status},
            {"reason", json::StringOrNull(view.reason)},
            {"dossier", r.dossier_code},
            {"title", r.title},
            {"agency", {{"code", r.agency}, {"name", view.agency_name}}},
            {"signer",
             {{"subject", r.signer_subject},
              {"issuer", r.signer_issuer},
              {"serial", r.signer_serial},
              {"certificate_sha256", r.certificate_sha256},
              {"not_before", r.not_before},
              {"not_after", r.not_after}}},
            {"signed_at", TimeOrNull(r.signed_at)},
            {"sha256", r.sha256},
            {"size", r.size},
            {"revoked_at", TimeOrNull(r.revoked_at)},
            {"revocation_reason", json::StringOrNull(r.revocation_reason)}};
}

// The id as printed on the QR code; a reader may have upper-cased it.
std::string Normalised(std::string id) {
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return id;
}

}  // namespace

Response GetVerification(ApiContext& context, const Request& request, const std::string& id) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto view = context.e_results->Verify(Normalised(id));
    if (!view) {
        return context.errors.Render(view.GetError());
    }
    return JsonResponse(ViewToJson(view.Value()));
}

Response CheckFile(ApiContext& context, const Request& request, const std::string& id) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto type = request.Header("content-type");
    if (type.substr(0, type.find(';')) != "application/pdf") {
        return context.errors.Render(
            MakeError(ErrorKind::kUnsupportedMediaType, "unsupported_media_type", "content-type"));
    }
    auto check = context.e_results->CheckFile(Normalised(id), request.body);
    if (!check) {
        return context.errors.Render(check.GetError());
    }
    const auto& read = check.Value();
    auto body = ViewToJson(read.registered);
    body["file"] = {{"sha256", read.sha256},
                    {"size", read.size},
                    {"matches", read.matches},
                    {"signature_valid", read.signature.valid},
                    {"signature_reason", json::StringOrNull(read.signature.reason)}};
    return JsonResponse(std::move(body));
}

Response RevokeResult(ApiContext& context, const Request& request, const std::string& id) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    for (const auto& [key, value] : body.Value()) {
        if (key != "reason") {
            return context.errors.Render(json::InvalidField(key));
        }
    }
    auto reason = json::RequiredString(body.Value(), "reason");
    if (!reason) {
        return context.errors.Render(reason.GetError());
    }
    auto view = context.e_results->Revoke(request.actor, Normalised(id), reason.Value());
    if (!view) {
        return context.errors.Render(view.GetError());
    }
    return JsonResponse(ViewToJson(view.Value()));
}

Response ListDossierResults(ApiContext& context, const Request& request, const std::string& code) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto views = context.e_results->OfDossier(request.actor, code);
    if (!views) {
        return context.errors.Render(views.GetError());
    }
    boost::json::array results;
    for (const auto& view : views.Value()) {
        results.push_back(ViewToJson(view));
    }
    return JsonResponse(boost::json::object{{"results", std::move(results)}});
}

}  // namespace motcua::api::results
