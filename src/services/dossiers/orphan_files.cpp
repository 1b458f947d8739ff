#include "services/dossiers/orphan_files.hpp"

#include <system_error>

namespace motcua::services {

Outcome<OrphanReport> OrphanFiles::Collect(std::chrono::seconds grace) {
    const auto cutoff = std::filesystem::file_time_type::clock::now() - grace;
    OrphanReport report;
    MOTCUA_ASSIGN_OR_RETURN(auto candidates, files_.ListUntouchedSince(cutoff));
    for (const auto& sha256 : candidates) {
        ++report.examined;
        bool linked = true;
        MOTCUA_RETURN_IF_ERROR(
            database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
                MOTCUA_ASSIGN_OR_RETURN(linked, transaction.FileLinks().IsLinked(sha256));
                if (!linked) {  // The data store keeps its documents' files too.
                    MOTCUA_ASSIGN_OR_RETURN(linked,
                                            transaction.StoredDocuments().HoldsFile(sha256));
                }
                return Done{};
            }));
        if (linked) {
            continue;
        }
        MOTCUA_ASSIGN_OR_RETURN(const bool removed, files_.RemoveUntouchedSince(sha256, cutoff));
        report.removed += removed ? 1 : 0;
    }
    MOTCUA_ASSIGN_OR_RETURN(report.temporaries, files_.RemoveTemporaries(cutoff));
    report.temporaries += RemoveOldSpooledBodies(cutoff);
    return report;
}

int OrphanFiles::RemoveOldSpooledBodies(std::filesystem::file_time_type cutoff) const {
    int removed = 0;
    std::error_code error;
    if (spool_dir_.empty() || !std::filesystem::is_directory(spool_dir_, error)) {
        return removed;
    }
    for (const auto& entry : std::filesystem::directory_iterator(spool_dir_, error)) {
        std::error_code entry_error;
        if (entry.is_regular_file(entry_error) && entry.last_write_time(entry_error) < cutoff &&
            !entry_error && std::filesystem::remove(entry.path(), entry_error)) {
            ++removed;
        }
    }
    return removed;
}

}  // namespace motcua::services
