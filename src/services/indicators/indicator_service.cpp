#include "services/indicators/indicator_service.hpp"

#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/indicators/indicator_feed.hpp"

namespace motcua::services {

IndicatorService::IndicatorService(storage::Database& database, CatalogService& catalog,
                                   const Clock& clock)
    : database_(database), catalog_(catalog), clock_(clock) {}

Outcome<RecomputeReport> IndicatorService::Recompute(const domain::Actor& actor) {
    const auto snapshot = catalog_.GetSnapshot();
    MOTCUA_RETURN_IF_ERROR(CheckAccess(
        database_, clock_, actor, domain::Permission::kImportDossiers, {snapshot->GetRootCode(), 0},
        MakeIsWithin(snapshot), {"indicators.recompute", "indicators", ""}));
    RecomputeReport report;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        report = {};
        MOTCUA_RETURN_IF_ERROR(transaction.Indicators().Clear());
        storage::DossierFilter page;
        page.order = storage::DossierOrder::kNewestFirst;
        page.limit = 1000;
        for (;;) {
            auto dossiers = transaction.Dossiers().List(page);
            if (!dossiers) {
                return dossiers.GetError();
            }
            for (const auto& dossier : dossiers.Value()) {
                const auto found = snapshot->procedure_by_code.find(dossier.procedure_code);
                if (found == snapshot->procedure_by_code.end()) {
                    continue;  // A procedure no longer in the catalogue counts nowhere.
                }
                auto events = transaction.Dossiers().ListEvents(dossier.id);
                if (!events) {
                    return events.GetError();
                }
                MOTCUA_RETURN_IF_ERROR(FeedIndicators(transaction,
                                                      snapshot->procedures[found->second], {},
                                                      {&dossier, events.Value()}));
                ++report.dossiers;
            }
            if (static_cast<int>(dossiers.Value().size()) < page.limit) {
                break;
            }
            page.after_id = dossiers.Value().back().id;
        }
        auto rows = transaction.Indicators().ListAll();
        if (!rows) {
            return rows.GetError();
        }
        report.rows = static_cast<int>(rows.Value().size());
        return AppendAudit(
            transaction, MakeAuditEntry(clock_, actor, "indicators.recompute", "indicators", "",
                                        AuditOutcome::kOk,
                                        "{\"dossiers\":" + std::to_string(report.dossiers) + "}"));
    }));
    return report;
}

}  // namespace motcua::services
