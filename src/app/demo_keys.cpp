#include "app/demo_keys.hpp"

#include <filesystem>
#include <set>

#include "app/demo_accounts.hpp"
#include "services/catalog/catalog_snapshot.hpp"
#include "signing/key_store.hpp"

namespace motcua::app {

Outcome<int> EnsureDemoKeys(const std::string& keys_dir, services::CatalogService& catalog,
                            std::int64_t now) {
    signing::KeyStore keys(keys_dir);
    if (!std::filesystem::exists(keys.Root() / "ca" / "ca.key.pem")) {
        MOTCUA_RETURN_IF_ERROR(keys.CreateDemoAuthority("MotCua demo CA", now));
    }
    const auto snapshot = catalog.GetSnapshot();
    std::set<std::string> signers = {"H32"};
    for (const auto& account : DemoAccounts()) {
        for (const auto& grant : account.grants) {
            const domain::Agency* agency = snapshot->FindAgency(grant.agency_code);
            if (agency == nullptr) {
                continue;
            }
            const bool centre = agency->kind == domain::AgencyKind::kCommuneServiceCentre ||
                                agency->kind == domain::AgencyKind::kProvincialServiceCentre;
            signers.insert(centre && !agency->parent_code.empty() ? agency->parent_code
                                                                  : agency->code);
        }
    }
    int made = 0;
    for (const auto& code : signers) {
        if (keys.Current(code)) {
            continue;
        }
        const domain::Agency* agency = snapshot->FindAgency(code);
        MOTCUA_RETURN_IF_ERROR(keys.Create(code, agency != nullptr ? agency->name_vi : code, now));
        ++made;
    }
    return made;
}

}  // namespace motcua::app
