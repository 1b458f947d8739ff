// AttachmentService: files of a dossier's components — the desk's scans of paper documents
// (digitisation at reception, docs/domain.md §2.3 step 2 and §3) and the applicant's uploads —
// the electronic result an officer uploads, and their download. A file is accepted by what its
// bytes are (PDF, PNG, JPEG, DOCX, XLSX), never by the name or Content-Type the client gave, and
// must pass the digitisation rules (services/dossiers/content_checks.hpp); it is stored once by
// its SHA-256 (FileStore), then linked through the dossier lifecycle as an attach, digitize or
// issue_e_result fact, so the event, the new state and the audit record commit together
// (DossierService::Act). The link makes it one of the dossier's uploaded files:
// the only files the dossier may name and serve (Dossier::uploaded_files, docs/security.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "storage/file_store.hpp"

namespace motcua::services {

struct AttachmentOptions {
    std::size_t max_file_bytes = std::size_t{20} * 1024 * 1024;
    std::size_t max_files = 20;  // Per upload.
    // The digitisation rules of services/dossiers/content_checks.hpp.
    std::size_t max_pdf_pages = 500;
    std::uint64_t max_expanded_bytes = std::uint64_t{512} << 20;  // A PDF's streams, decoded.
    std::uint64_t max_image_pixels = 100'000'000;  // A PNG, a JPEG, or an image in a PDF.
};

/// A file type recognised by its content.
struct FileType {
    const char* media_type;  // e.g. "application/pdf".
    const char* extension;   // e.g. "pdf".
};

/// What a stored file that DetectFileType does not recognise is served as.
inline constexpr FileType kUnknownFileType{"application/octet-stream", "bin"};

/// Returns the type of `content` by its magic bytes: PDF (%PDF-), PNG, JPEG, and DOCX or XLSX
/// (a ZIP whose central directory lists word/document.xml or xl/workbook.xml); nullopt for
/// anything else.
std::optional<FileType> DetectFileType(std::string_view content);
/// DetectFileType for a file on disk, reading only its first bytes and (for a ZIP) its end.
Outcome<std::optional<FileType>> DetectFileType(const FileSlice& slice);

struct IncomingFile {
    std::string file_name;  // As the client named it: shown back, never trusted or stored.
    std::string content;
    std::optional<FileSlice> slice;  // A spooled upload's part: the bytes stay on disk.

    std::uint64_t Size() const { return slice ? slice->size : content.size(); }
};

struct StoredFile {
    std::string sha256;
    std::size_t size = 0;
    FileType type{};
    std::string file_name;
};

struct UploadResult {
    std::vector<StoredFile> files;
    DossierView view;  // The dossier after the files were linked.
};

struct DownloadedFile {
    std::string sha256;
    std::string content;
    FileType type{};
};

class AttachmentService {
public:
    AttachmentService(DossierService& dossiers, storage::FileStore& files,
                      AttachmentOptions options);

    /// Stores `files` and links each to `component` of dossier `code`. The actor must be able
    /// to read the dossier and take the digitize action on it now (the desk; see CanAct).
    /// Errors: dossier_not_found (404), invalid_transition (409), forbidden (403),
    /// invalid_parameter component/file (400), file_too_large (413),
    /// unsupported_file_type (400), and the content checks' unreadable_file, too_many_pages
    /// and decompression_bomb (400).
    Outcome<UploadResult> Upload(const domain::Actor& actor, const std::string& code,
                                 const std::string& component, std::vector<IncomingFile> files);

    /// Stores `file` as dossier `code`'s electronic result (the issue_e_result fact). The actor
    /// must be able to take that action on the dossier now (its officers; see CanAct). Uploading
    /// the current result again changes nothing. Errors as Upload's.
    Outcome<UploadResult> UploadEResult(const domain::Actor& actor, const std::string& code,
                                        IncomingFile file);

    /// Returns stored file `sha256` to a reader of dossier `dossier_code` it was uploaded to
    /// (a component's file or the electronic result); file_not_found (404) otherwise.
    Outcome<DownloadedFile> Download(const domain::Actor& actor, const std::string& sha256,
                                     const std::string& dossier_code);

    const AttachmentOptions& GetOptions() const { return options_; }

private:
    // Refuses unless `action` is open on `dossier` now and to `actor`.
    static Outcome<Done> CheckUpload(const domain::Actor& actor, const DossierView& dossier,
                                     domain::DossierAction action);
    // Checks the count, sizes, types and contents of `files`, then stores them (their bytes
    // move out). A refused upload stores nothing.
    Outcome<std::vector<StoredFile>> Store(std::vector<IncomingFile>& files);
    // Records `input` naming `file` as just uploaded to dossier `code`.
    Outcome<DossierView> Link(const domain::Actor& actor, const std::string& code,
                              domain::ActionInput input, const StoredFile& file);

    DossierService& dossiers_;
    storage::FileStore& files_;
    AttachmentOptions options_;
};

}  // namespace motcua::services
