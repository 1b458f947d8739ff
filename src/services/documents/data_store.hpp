// DataStore: reading the applicants' data store (kho dữ liệu, docs/data-store.md) — the papers
// the state holds for a citizen or an organisation: signed results deposited on return and the
// desk's scans (services/documents/document_deposits.hpp writes them). The holder sees and
// downloads their own; an officer sees a holder's documents only through a dossier of that
// holder which the officer handles (may read, and not yet closed); every read is audited. The
// reuse itself is the dossier's reuse fact (DossierService::Act with ActionInput::document).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/attachment_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "storage/database.hpp"
#include "storage/file_store.hpp"
#include "storage/stored_document_store.hpp"

namespace motcua::services {

struct StoredDocumentView {
    storage::StoredDocument document;
    std::string status;  // valid, expired, revoked (services/documents/document_types.hpp).
};

struct StoredDocumentDetail {
    StoredDocumentView view;
    std::vector<storage::StoredDocumentEvent> history;
};

/// A component of a dossier and the holder's valid documents that can stand for it.
struct ReusableComponent {
    const domain::Component* component = nullptr;
    std::int64_t reused_document = 0;  // What it reuses already (0: nothing).
    std::vector<StoredDocumentView> documents;
};

class DataStore {
public:
    DataStore(storage::Database& database, CatalogService& catalog, DossierService& dossiers,
              storage::FileStore& files, const Clock& clock);

    /// The actor's own documents, newest first: citizen and organisation accounts (403
    /// not_a_holder for others).
    Outcome<std::vector<StoredDocumentView>> Mine(const domain::Actor& actor);

    /// Document `id` with its history: to its holder, or (with `dossier_code`) to an officer
    /// handling that dossier of the holder. 404 document_not_found otherwise.
    Outcome<StoredDocumentDetail> Get(const domain::Actor& actor, std::int64_t id,
                                      const std::string& dossier_code);

    /// File `sha256` of document `id`, typed by its content, with Get's access rule; 404
    /// file_not_found when the document does not hold it.
    Outcome<DownloadedFile> Download(const domain::Actor& actor, std::int64_t id,
                                     const std::string& sha256, const std::string& dossier_code);

    /// The components of dossier `code` the applicant's valid documents can stand for, or that
    /// reuse one already: to whoever may read the dossier (its applicant, its officers).
    Outcome<std::vector<ReusableComponent>> ReusableFor(const domain::Actor& actor,
                                                        const std::string& code);

private:
    /// Whose documents (kind, ID number) `actor` may read: their own, or through `dossier_code`
    /// (then read too) the applicant of a dossier they handle.
    struct Access {
        domain::Applicant holder;
        std::optional<DossierView> dossier;
    };
    Outcome<Access> HolderFor(const domain::Actor& actor, const std::string& dossier_code);
    StoredDocumentView Describe(storage::StoredDocument document) const;
    Outcome<Done> Audit(const domain::Actor& actor, const std::string& action,
                        const std::string& target, std::string detail = "{}");

    storage::Database& database_;
    CatalogService& catalog_;
    DossierService& dossiers_;
    storage::FileStore& files_;
    const Clock& clock_;
};

}  // namespace motcua::services
