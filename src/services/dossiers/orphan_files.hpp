// OrphanFiles: deletes stored files that no dossier links (storage/file_link_store.hpp) and no
// stored document holds (storage/stored_document_store.hpp) once they are older than a grace
// period — uploads cut short by a crash between storing the file and committing its fact, or
// refused afterwards (a quota, a wrong state) — and the temporary files of writes and spooled
// request bodies a crash left behind. The grace period keeps a file an upload in progress is
// about to link; file ages are file-system times.
#pragma once

#include <chrono>
#include <filesystem>

#include "common/outcome.hpp"
#include "storage/database.hpp"
#include "storage/file_store.hpp"

namespace motcua::services {

struct OrphanReport {
    int examined = 0;     // Stored files older than the grace period.
    int removed = 0;      // Of them, deleted as linked by no dossier.
    int temporaries = 0;  // Temporary and spooled files deleted.
};

class OrphanFiles {
public:
    /// `spool_dir` is the server's upload spool folder ("" for none).
    OrphanFiles(storage::Database& database, storage::FileStore& files,
                std::filesystem::path spool_dir)
        : database_(database), files_(files), spool_dir_(std::move(spool_dir)) {}

    /// Deletes what is older than `grace` and unlinked.
    Outcome<OrphanReport> Collect(std::chrono::seconds grace);

private:
    int RemoveOldSpooledBodies(std::filesystem::file_time_type cutoff) const;

    storage::Database& database_;
    storage::FileStore& files_;
    std::filesystem::path spool_dir_;
};

}  // namespace motcua::services
