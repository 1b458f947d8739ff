// HistoryImporter: loads dossiers with their full event history from a previous system (JSON
// Lines, docs/dossiers.md §6), through the same state machine as live actions, with the instants
// given in the file. Each line is all or nothing: a bad line is rejected with its line number and
// nothing of it is stored, while the good lines are kept. Lines are committed in batches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "storage/database.hpp"

namespace motcua::services {

struct ImportLineError {
    int line = 0;
    Error error;
};

struct HistoryImportReport {
    int imported = 0;
    int rejected = 0;
    std::vector<ImportLineError> errors;  // The first kMaxReportedErrors, in line order.
};

inline constexpr std::size_t kMaxReportedErrors = 1000;

class HistoryImporter {
public:
    HistoryImporter(storage::Database& database, CatalogService& catalog, DossierService& dossiers,
                    const Clock& clock);

    /// Imports every line of `jsonl` (empty lines are skipped); needs kImportDossiers.
    Outcome<HistoryImportReport> Import(const domain::Actor& actor, std::string_view jsonl);

private:
    storage::Database& database_;
    CatalogService& catalog_;
    DossierService& dossiers_;
    const Clock& clock_;
};

}  // namespace motcua::services
