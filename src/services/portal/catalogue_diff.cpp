#include "services/portal/catalogue_diff.hpp"

#include "services/portal/portal_records_json.hpp"

namespace motcua::services {
namespace {

// Adds "what: local «x», portal «y»" to `reason` when the two differ.
void Compare(std::string& reason, std::string_view what, const std::string& local,
             const std::string& portal) {
    if (local == portal) {
        return;
    }
    if (!reason.empty()) {
        reason += "; ";
    }
    reason += std::string(what) + ": local \"" + local + "\", portal \"" + portal + "\"";
}

}  // namespace

const domain::Procedure* FindByNationalCode(const CatalogSnapshot& snapshot,
                                            const std::string& code) {
    if (const auto* procedure = snapshot.FindProcedure(code)) {
        return procedure;
    }
    const domain::Procedure* found = nullptr;
    for (const auto& procedure : snapshot.procedures) {
        if (!code.empty() && procedure.national_code == code &&
            (found == nullptr || procedure.code < found->code)) {
            found = &procedure;
        }
    }
    return found;
}

std::vector<CatalogueDifference> DiffCatalogue(const CatalogSnapshot& snapshot,
                                               const PortalCatalogue& catalogue) {
    std::vector<CatalogueDifference> differences;
    for (const auto& procedure : catalogue.procedures) {
        const auto* local = FindByNationalCode(snapshot, procedure.code);
        std::string reason;
        if (local == nullptr) {
            reason = "not in the province's catalogue";
        } else {
            Compare(reason, "name", local->name_vi, procedure.name_vi);
            if (!procedure.field_code.empty()) {
                Compare(reason, "field", local->field_code, procedure.field_code);
            }
        }
        if (!reason.empty()) {
            differences.push_back({"procedure", procedure.code, local ? "changed" : "new",
                                   PortalProcedureJson(procedure), std::move(reason)});
        }
    }
    for (const auto& agency : catalogue.agencies) {
        const auto* local = snapshot.FindAgency(agency.code);
        std::string reason;
        if (local == nullptr) {
            reason = "not in the province's agency tree";
        } else {
            Compare(reason, "name", local->name_vi, agency.name_vi);
            // The parent may be written in either spelling: compare the agencies it names.
            const auto* parent =
                agency.parent_code.empty() ? nullptr : snapshot.FindAgency(agency.parent_code);
            const std::string portal_parent = parent ? parent->code : agency.parent_code;
            Compare(reason, "parent", local->parent_code, portal_parent);
        }
        if (!reason.empty()) {
            differences.push_back({"agency", agency.code, local ? "changed" : "new",
                                   PortalAgencyJson(agency), std::move(reason)});
        }
    }
    return differences;
}

}  // namespace motcua::services
