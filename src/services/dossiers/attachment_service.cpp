#include "services/dossiers/attachment_service.hpp"

#include <algorithm>
#include <cstdint>

#include <boost/json.hpp>

#include "domain/dossier/transitions.hpp"
#include "services/access/access_check.hpp"
#include "services/dossiers/content_checks.hpp"
#include "services/dossiers/dossier_access.hpp"

namespace motcua::services {
namespace {

using domain::DossierAction;

constexpr FileType kPdf{"application/pdf", "pdf"};
constexpr FileType kPng{"image/png", "png"};
constexpr FileType kJpeg{"image/jpeg", "jpg"};
constexpr FileType kDocx{"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         "docx"};
constexpr FileType kXlsx{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         "xlsx"};

std::uint32_t ReadLe(std::string_view bytes, std::size_t at, int size) {
    std::uint32_t value = 0;
    for (int i = size - 1; i >= 0; --i) {
        value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    }
    return value;
}

// How much of a ZIP's end is read to find its central directory: the end record is in the last
// 64 KiB; a central directory that starts before this is not an office document's.
constexpr std::size_t kZipTailBytes = std::size_t{1} << 20;

// Reads the ZIP central directory (found through the end-of-central-directory record in the
// last 64 KiB) and tells an Office Open XML word or spreadsheet document by its main part.
// `zip` is the file's end, whose first byte is at offset `base` of the file.
std::optional<FileType> DetectOfficeZip(std::string_view zip, std::size_t base) {
    constexpr std::size_t kEndRecordSize = 22;
    if (zip.size() < kEndRecordSize) {
        return std::nullopt;
    }
    const std::size_t lowest =
        zip.size() > 0xFFFF + kEndRecordSize ? zip.size() - (0xFFFF + kEndRecordSize) : 0;
    std::optional<std::size_t> end_record;
    for (std::size_t at = zip.size() - kEndRecordSize + 1; at-- > lowest;) {
        if (zip.substr(at, 4) == std::string_view("PK\x05\x06", 4)) {
            end_record = at;
            break;
        }
    }
    if (!end_record) {
        return std::nullopt;
    }
    const std::size_t entries = ReadLe(zip, *end_record + 10, 2);
    const std::size_t directory = ReadLe(zip, *end_record + 16, 4);
    if (directory < base) {
        return std::nullopt;
    }
    std::size_t at = directory - base;
    bool content_types = false;
    std::optional<FileType> type;
    for (std::size_t i = 0; i < entries; ++i) {
        constexpr std::size_t kHeaderSize = 46;
        if (at + kHeaderSize > *end_record ||
            zip.substr(at, 4) != std::string_view("PK\x01\x02", 4)) {
            return std::nullopt;
        }
        const std::size_t name_size = ReadLe(zip, at + 28, 2);
        const std::size_t extra_size = ReadLe(zip, at + 30, 2);
        const std::size_t comment_size = ReadLe(zip, at + 32, 2);
        if (at + kHeaderSize + name_size > *end_record) {
            return std::nullopt;
        }
        const std::string_view name = zip.substr(at + kHeaderSize, name_size);
        content_types = content_types || name == "[Content_Types].xml";
        if (name == "word/document.xml") {
            type = kDocx;
        } else if (name == "xl/workbook.xml") {
            type = kXlsx;
        }
        at += kHeaderSize + name_size + extra_size + comment_size;
    }
    return content_types ? type : std::nullopt;
}

bool StartsWith(std::string_view content, std::string_view magic) {
    return content.substr(0, magic.size()) == magic;
}

Error Invalid(std::string param, std::string detail = {}) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::move(param), std::move(detail));
}

bool Contains(const std::vector<domain::DossierAction>& actions, DossierAction action) {
    return std::find(actions.begin(), actions.end(), action) != actions.end();
}

}  // namespace

std::optional<FileType> DetectFileType(std::string_view content) {
    if (StartsWith(content, "%PDF-")) {
        return kPdf;
    }
    if (StartsWith(content, std::string_view("\x89PNG\r\n\x1a\n", 8))) {
        return kPng;
    }
    if (StartsWith(content, "\xFF\xD8\xFF")) {
        return kJpeg;
    }
    if (StartsWith(content, std::string_view("PK\x03\x04", 4))) {
        return DetectOfficeZip(content, 0);
    }
    return std::nullopt;
}

Outcome<std::optional<FileType>> DetectFileType(const FileSlice& slice) {
    constexpr std::size_t kMagicBytes = 8;
    MOTCUA_ASSIGN_OR_RETURN(auto head, ReadSlice(slice, 0, kMagicBytes));
    if (!StartsWith(head, std::string_view("PK\x03\x04", 4))) {
        return DetectFileType(head);
    }
    const std::uint64_t base = slice.size - std::min<std::uint64_t>(slice.size, kZipTailBytes);
    MOTCUA_ASSIGN_OR_RETURN(auto tail, ReadSlice(slice, base, kZipTailBytes));
    return DetectOfficeZip(tail, static_cast<std::size_t>(base));
}

AttachmentService::AttachmentService(DossierService& dossiers, storage::FileStore& files,
                                     AttachmentOptions options)
    : dossiers_(dossiers), files_(files), options_(options) {}

// The actor and the dossier are checked before anything is written to disk, so that nobody
// without the right can fill it. Act checks all of it again inside its transaction.
Outcome<Done> AttachmentService::CheckUpload(const domain::Actor& actor, const DossierView& dossier,
                                             DossierAction action) {
    if (!Contains(domain::AllowedActions(dossier.dossier.status), action)) {
        return InvalidTransition(action, dossier.allowed_actions);
    }
    if (!Contains(dossier.allowed_actions, action)) {
        return AccessDenied(actor);
    }
    return Done{};
}

Outcome<std::vector<StoredFile>> AttachmentService::Store(std::vector<IncomingFile>& files) {
    if (files.empty() || files.size() > options_.max_files) {
        return Invalid("file", "from 1 to " + std::to_string(options_.max_files) + " files");
    }
    std::vector<StoredFile> stored;
    stored.reserve(files.size());
    for (auto& file : files) {
        if (file.Size() > options_.max_file_bytes) {
            return MakeError(ErrorKind::kTooLarge, "file_too_large", "file",
                             "at most " + std::to_string(options_.max_file_bytes) + " bytes");
        }
        std::optional<FileType> type;
        if (file.slice) {
            MOTCUA_ASSIGN_OR_RETURN(type, DetectFileType(*file.slice));
        } else {
            type = DetectFileType(file.content);
        }
        if (!type) {
            return MakeError(ErrorKind::kInvalid, "unsupported_file_type", "file",
                             "PDF, PNG, JPEG, DOCX or XLSX, recognised by content");
        }
        MOTCUA_RETURN_IF_ERROR(CheckContent(file, *type, options_));
        stored.push_back(
            {"", static_cast<std::size_t>(file.Size()), *type, std::move(file.file_name)});
    }
    // Stored first: a file whose link then fails belongs to no dossier, so it is never served,
    // and the orphan collection removes it after its grace period (a retry reuses it before).
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& slice = files[i].slice;
        auto put =
            slice.has_value() ? files_.PutSlice(slice.value()) : files_.Put(files[i].content);
        MOTCUA_ASSIGN_OR_RETURN(auto sha256, std::move(put));
        stored[i].sha256 = std::move(sha256);
    }
    return stored;
}

Outcome<DossierView> AttachmentService::Link(const domain::Actor& actor, const std::string& code,
                                             domain::ActionInput input, const StoredFile& file) {
    input.file_sha256 = file.sha256;
    input.file_origin = domain::FileOrigin::kUpload;
    input.file_size = file.size;
    boost::json::object payload;
    if (!input.component.empty()) {
        payload["component"] = input.component;
    }
    payload["file_sha256"] = file.sha256;
    payload["size"] = file.size;
    payload["media_type"] = file.type.media_type;
    input.payload_json = boost::json::serialize(payload);
    return dossiers_.Act(actor, code, std::move(input));
}

Outcome<UploadResult> AttachmentService::Upload(const domain::Actor& actor, const std::string& code,
                                                const std::string& component,
                                                std::vector<IncomingFile> files) {
    MOTCUA_ASSIGN_OR_RETURN(auto before, dossiers_.Get(actor, code));
    // The desk's scan is the digitize fact (docs/domain.md §2.3 step 2, counted by the index); an
    // applicant's own upload during submission or supplementation is the attach fact.
    const DossierAction action =
        IsOwner(actor, before.dossier) ? DossierAction::kAttach : DossierAction::kDigitize;
    MOTCUA_RETURN_IF_ERROR(CheckUpload(actor, before, action));
    const auto& components = before.dossier.components;
    const auto target =
        std::find_if(components.begin(), components.end(),
                     [&](const domain::ComponentState& c) { return c.code == component; });
    if (component.empty() || target == components.end()) {
        return Invalid("component", "not a component of this dossier's procedure");
    }
    UploadResult result;
    MOTCUA_ASSIGN_OR_RETURN(result.files, Store(files));
    std::vector<std::string> linked = target->files;
    result.view = std::move(before);
    for (const auto& file : result.files) {
        if (std::find(linked.begin(), linked.end(), file.sha256) != linked.end()) {
            continue;  // Already linked to this component: uploading again changes nothing.
        }
        domain::ActionInput input;
        input.action = action;
        input.component = component;
        MOTCUA_ASSIGN_OR_RETURN(result.view, Link(actor, code, std::move(input), file));
        linked.push_back(file.sha256);
    }
    return result;
}

Outcome<UploadResult> AttachmentService::UploadEResult(const domain::Actor& actor,
                                                       const std::string& code, IncomingFile file) {
    MOTCUA_ASSIGN_OR_RETURN(auto before, dossiers_.Get(actor, code));
    MOTCUA_RETURN_IF_ERROR(CheckUpload(actor, before, DossierAction::kIssueEResult));
    std::vector<IncomingFile> files;
    files.push_back(std::move(file));
    UploadResult result;
    MOTCUA_ASSIGN_OR_RETURN(result.files, Store(files));
    const StoredFile& stored = result.files.front();
    if (before.dossier.e_result_sha256 == stored.sha256) {
        result.view = std::move(before);  // The same result again changes nothing.
        return result;
    }
    domain::ActionInput input;
    input.action = DossierAction::kIssueEResult;
    MOTCUA_ASSIGN_OR_RETURN(result.view, Link(actor, code, std::move(input), stored));
    return result;
}

Outcome<DownloadedFile> AttachmentService::Download(const domain::Actor& actor,
                                                    const std::string& sha256,
                                                    const std::string& dossier_code) {
    if (dossier_code.empty()) {
        return Invalid("dossier", "the code of a dossier that references the file");
    }
    const Error not_found = MakeError(ErrorKind::kNotFound, "file_not_found",
                                      storage::IsSha256Hex(sha256) ? sha256 : std::string{});
    if (!storage::IsSha256Hex(sha256)) {
        return not_found;
    }
    MOTCUA_ASSIGN_OR_RETURN(auto view, dossiers_.Get(actor, dossier_code));
    // Served only for the dossier it was uploaded to: naming another dossier's file, or one
    // that imported history only refers to, finds nothing.
    const auto& uploaded = view.dossier.uploaded_files;
    if (std::find(uploaded.begin(), uploaded.end(), sha256) == uploaded.end()) {
        return not_found;
    }
    MOTCUA_ASSIGN_OR_RETURN(auto content, files_.Get(sha256));
    DownloadedFile file;
    file.sha256 = sha256;
    file.type = DetectFileType(content).value_or(kUnknownFileType);
    file.content = std::move(content);
    return file;
}

}  // namespace motcua::services
