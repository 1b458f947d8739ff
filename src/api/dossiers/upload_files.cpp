#include <boost/json.hpp>

#include "api/dossiers/dossier_handlers.hpp"
#include "api/dossiers/file_handlers.hpp"
#include "api/errors.hpp"
#include "api/json/dossier_responses.hpp"
#include "api/multipart.hpp"
#include "api/spooled_source.hpp"

namespace motcua::api::dossiers {
namespace {

// A file part: its bytes in memory, or where they lie in the spooled body.
services::IncomingFile ToIncomingFile(MultipartPart& part, const SpooledFile* spooled) {
    services::IncomingFile file{part.filename.value_or(""), std::move(part.body), {}};
    if (spooled != nullptr && part.range) {
        file.slice = FileSlice{spooled->Path(), part.range->offset, part.range->size};
    }
    return file;
}

// The request's form: parsed in place from the spooled body (file parts stay on disk), or
// from the body in memory.
Outcome<std::vector<MultipartPart>> ParseForm(const Request& request) {
    if (request.spooled_body) {
        SpooledSource source(*request.spooled_body);
        return ParseMultipartInPlace(request.Header("content-type"), source);
    }
    return ParseMultipart(request.Header("content-type"), request.body);
}

struct UploadForm {
    std::string component;
    std::vector<services::IncomingFile> files;
};

// Exactly one `component` field and one or more `file` parts; any other part is an error.
Outcome<UploadForm> ReadForm(std::vector<MultipartPart> parts, const SpooledFile* spooled) {
    UploadForm form;
    bool has_component = false;
    for (auto& part : parts) {
        if (part.name == "component" && !part.filename) {
            if (has_component) {
                return InvalidParameter("component", "exactly one component field");
            }
            has_component = true;
            form.component = std::move(part.body);
        } else if (part.name == "file") {
            form.files.push_back(ToIncomingFile(part, spooled));
        } else {
            return InvalidParameter(part.name,
                                    "the form has a component field and file parts only");
        }
    }
    if (!has_component || form.component.empty()) {
        return InvalidParameter("component");
    }
    if (form.files.empty()) {
        return InvalidParameter("file", "at least one file part");
    }
    return form;
}

// Exactly one `file` part and nothing else.
Outcome<services::IncomingFile> ReadResultForm(std::vector<MultipartPart> parts,
                                               const SpooledFile* spooled) {
    if (parts.size() != 1 || parts.front().name != "file") {
        return InvalidParameter(
            parts.empty() || parts.front().name == "file" ? "file" : parts.front().name,
            "the form has exactly one file part");
    }
    return ToIncomingFile(parts.front(), spooled);
}

Response RenderUpload(ApiContext& context, const services::UploadResult& result) {
    boost::json::array files;
    for (const auto& file : result.files) {
        files.push_back(boost::json::object{{"sha256", file.sha256},
                                            {"size", file.size},
                                            {"media_type", file.type.media_type},
                                            {"extension", file.type.extension},
                                            {"file_name", file.file_name}});
    }
    Response response = JsonResponse(
        boost::json::object{
            {"files", std::move(files)},
            {"dossier", json::DossierViewToJson(*context.catalog.GetSnapshot(), result.view)}},
        201);
    response.With("ETag", "\"" + std::to_string(result.view.dossier.event_count) + "\"");
    return response;
}

}  // namespace

Response UploadDossierFiles(ApiContext& context, const Request& request, const std::string& code) {
    auto parts = ParseForm(request);
    if (!parts) {
        return context.errors.Render(parts.GetError());
    }
    auto form = ReadForm(std::move(parts).Value(), request.spooled_body.get());
    if (!form) {
        return context.errors.Render(form.GetError());
    }
    auto uploaded = context.attachments->Upload(request.actor, code, form.Value().component,
                                                std::move(form.Value().files));
    if (!uploaded) {
        return context.errors.Render(uploaded.GetError());
    }
    return RenderUpload(context, uploaded.Value());
}

Response UploadDossierEResult(ApiContext& context, const Request& request,
                              const std::string& code) {
    auto parts = ParseForm(request);
    if (!parts) {
        return context.errors.Render(parts.GetError());
    }
    auto file = ReadResultForm(std::move(parts).Value(), request.spooled_body.get());
    if (!file) {
        return context.errors.Render(file.GetError());
    }
    auto uploaded =
        context.attachments->UploadEResult(request.actor, code, std::move(file).Value());
    if (!uploaded) {
        return context.errors.Render(uploaded.GetError());
    }
    return RenderUpload(context, uploaded.Value());
}

}  // namespace motcua::api::dossiers
