// ContentChecks: the digitisation rules an uploaded file meets besides its type and its size
// (docs/security.md V12, 12.1.2): a PDF must open in qpdf, have from 1 to max_pdf_pages pages,
// and its streams must decode to at most max_expanded_bytes; a PNG or JPEG must have a header
// that reads and declares at most max_image_pixels pixels. DOCX and XLSX are stored as they come:
// the server never inflates them.
#pragma once

#include "common/outcome.hpp"
#include "services/dossiers/attachment_service.hpp"

namespace motcua::services {

/// Checks the content of `file`, recognised as `type`, against `options`. Errors, each 400 with
/// param "file": too_many_pages, unreadable_file, decompression_bomb; kUnavailable when a
/// spooled upload cannot be read.
Outcome<Done> CheckContent(const IncomingFile& file, const FileType& type,
                           const AttachmentOptions& options);

}  // namespace motcua::services
