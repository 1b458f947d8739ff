// DossierService::LinkUpload: an uploaded file joins a dossier's files (storage/file_link_store)
// in the transaction of the fact that names it, within the storage quotas — per dossier, and per
// applicant across their dossiers (docs/security.md, V12).
#include "common/time_format.hpp"
#include "services/dossiers/dossier_service.hpp"

namespace motcua::services {
namespace {

Error QuotaExceeded(const char* which, std::uint64_t quota) {
    return MakeError(ErrorKind::kTooLarge, "storage_quota_exceeded", which,
                     "at most " + std::to_string(quota) + " bytes of files");
}

}  // namespace

Outcome<Done> DossierService::LinkUpload(storage::Transaction& transaction,
                                         const domain::Dossier& dossier,
                                         const domain::ActionInput& input) const {
    auto& links = transaction.FileLinks();
    MOTCUA_ASSIGN_OR_RETURN(const bool linked, links.IsLinkedTo(dossier.id, input.file_sha256));
    if (linked) {
        return Done{};  // Linked before (another component, the same result again): no new bytes.
    }
    const StorageQuotas& quotas = options_.quotas;
    MOTCUA_ASSIGN_OR_RETURN(const auto dossier_bytes, links.DossierBytes(dossier.id));
    if (dossier_bytes + input.file_size > quotas.dossier_bytes) {
        return QuotaExceeded("dossier", quotas.dossier_bytes);
    }
    if (dossier.owner_account_id != 0) {
        MOTCUA_ASSIGN_OR_RETURN(const auto owner_bytes, links.OwnerBytes(dossier.owner_account_id));
        if (owner_bytes + input.file_size > quotas.account_bytes) {
            return QuotaExceeded("account", quotas.account_bytes);
        }
    }
    return links.Link(dossier.id, input.file_sha256, input.file_size, FormatUtc(input.at));
}

}  // namespace motcua::services
