#include "services/dossiers/content_checks.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "services/dossiers/image_header.hpp"
#include "signing/pdf_inspection.hpp"

namespace motcua::services {
namespace {

Outcome<Done> CheckPdf(const IncomingFile& file, const AttachmentOptions& options) {
    const signing::PdfLimits limits{.max_pages = options.max_pdf_pages,
                                    .max_expanded_bytes = options.max_expanded_bytes,
                                    .max_image_pixels = options.max_image_pixels};
    signing::PdfInspection report;
    if (file.slice) {
        MOTCUA_ASSIGN_OR_RETURN(report, signing::InspectPdf(*file.slice, limits));
    } else {
        report = signing::InspectPdf(file.content, limits);
    }
    switch (report.verdict) {
        case signing::PdfVerdict::kReadable:
            return Done{};
        case signing::PdfVerdict::kUnreadable:
            return MakeError(ErrorKind::kInvalid, "unreadable_file", "file",
                             "not a PDF that can be read: " + report.detail);
        case signing::PdfVerdict::kTooManyPages: {
            const std::string limit = std::to_string(options.max_pdf_pages);
            return MakeError(ErrorKind::kInvalid, "too_many_pages", "file",
                             "at most " + limit + " pages: " + report.detail);
        }
        case signing::PdfVerdict::kDecompressionBomb:
            return MakeError(ErrorKind::kInvalid, "decompression_bomb", "file", report.detail);
    }
    MOTCUA_ASSERT(false, "every verdict is handled above");
    return Done{};
}

Outcome<Done> CheckImage(const IncomingFile& file, ImageFormat format,
                         const AttachmentOptions& options) {
    std::optional<ImageSize> size;
    if (file.slice) {
        const FileSlice& slice = *file.slice;
        MOTCUA_ASSIGN_OR_RETURN(
            size, ReadImageSize(format, [&slice](std::uint64_t from, std::size_t count) {
                return ReadSlice(slice, from, count);
            }));
    } else {
        size = ReadImageSize(format, file.content);
    }
    if (!size) {
        return MakeError(ErrorKind::kInvalid, "unreadable_file", "file",
                         "the image header cannot be read");
    }
    if (size->Pixels() > options.max_image_pixels) {
        return MakeError(ErrorKind::kInvalid, "decompression_bomb", "file",
                         std::to_string(size->width) + " x " + std::to_string(size->height) +
                             " pixels, more than " + std::to_string(options.max_image_pixels));
    }
    return Done{};
}

}  // namespace

Outcome<Done> CheckContent(const IncomingFile& file, const FileType& type,
                           const AttachmentOptions& options) {
    const std::string_view extension = type.extension;
    if (extension == "pdf") {
        return CheckPdf(file, options);
    }
    if (extension == "png") {
        return CheckImage(file, ImageFormat::kPng, options);
    }
    if (extension == "jpg") {
        return CheckImage(file, ImageFormat::kJpeg, options);
    }
    return Done{};
}

}  // namespace motcua::services
