#include "services/documents/data_store.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/documents/document_types.hpp"
#include "services/dossiers/dossier_access.hpp"

namespace motcua::services {
namespace {

Error DocumentNotFound() { return MakeError(ErrorKind::kNotFound, "document_not_found", "id"); }

bool IsApplicant(const domain::Actor& actor) {
    return !actor.IsAnonymous() && !actor.is_system && actor.kind != domain::AccountKind::kOfficer;
}

bool Holds(const storage::StoredDocument& document, const domain::Applicant& holder) {
    return document.holder_kind == holder.kind && document.holder_id == holder.id_number;
}

}  // namespace

DataStore::DataStore(storage::Database& database, CatalogService& catalog, DossierService& dossiers,
                     storage::FileStore& files, const Clock& clock)
    : database_(database), catalog_(catalog), dossiers_(dossiers), files_(files), clock_(clock) {}

StoredDocumentView DataStore::Describe(storage::StoredDocument document) const {
    const std::string today = FormatVietnam(clock_.Now()).substr(0, 10);
    const char* status = DocumentStateName(StateOn(document, today));
    return {std::move(document), status};
}

Outcome<Done> DataStore::Audit(const domain::Actor& actor, const std::string& action,
                               const std::string& target, std::string detail) {
    return RecordAudit(database_, MakeAuditEntry(clock_, actor, action, "data_store", target,
                                                 AuditOutcome::kOk, std::move(detail)));
}

Outcome<DataStore::Access> DataStore::HolderFor(const domain::Actor& actor,
                                                const std::string& dossier_code) {
    if (dossier_code.empty()) {
        if (!IsApplicant(actor)) {
            return DocumentNotFound();
        }
        Access self;
        self.holder.kind =
            actor.kind == domain::AccountKind::kOrganisation ? "organisation" : "citizen";
        self.holder.id_number = actor.login;
        return self;
    }
    // Through a dossier: reading it is checked (and audited) by the dossier service; an officer
    // handles it only until it is closed.
    MOTCUA_ASSIGN_OR_RETURN(auto view, dossiers_.Get(actor, dossier_code));
    const domain::Dossier& dossier = view.dossier;
    if (!IsOwner(actor, dossier) && domain::IsTerminal(dossier.status)) {
        return DocumentNotFound();
    }
    Access access{dossier.applicant, std::move(view)};
    return access;
}

Outcome<std::vector<StoredDocumentView>> DataStore::Mine(const domain::Actor& actor) {
    if (!IsApplicant(actor)) {
        return MakeError(ErrorKind::kForbidden, "not_a_holder", "account");
    }
    MOTCUA_ASSIGN_OR_RETURN(const auto access, HolderFor(actor, ""));
    const auto& holder = access.holder;
    std::vector<storage::StoredDocument> documents;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(
            documents, transaction.StoredDocuments().OfHolder(holder.kind, holder.id_number));
        return Done{};
    }));
    MOTCUA_RETURN_IF_ERROR(Audit(actor, "data_store.list", holder.id_number));
    std::vector<StoredDocumentView> views;
    views.reserve(documents.size());
    for (auto& document : documents) {
        views.push_back(Describe(std::move(document)));
    }
    return views;
}

Outcome<StoredDocumentDetail> DataStore::Get(const domain::Actor& actor, std::int64_t id,
                                             const std::string& dossier_code) {
    MOTCUA_ASSIGN_OR_RETURN(const auto access, HolderFor(actor, dossier_code));
    const auto& holder = access.holder;
    std::optional<storage::StoredDocument> document;
    StoredDocumentDetail detail;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& store = transaction.StoredDocuments();
        MOTCUA_ASSIGN_OR_RETURN(document, store.Find(id));
        if (document && Holds(*document, holder)) {
            MOTCUA_ASSIGN_OR_RETURN(detail.history, store.History(id));
        }
        return Done{};
    }));
    if (!document || !Holds(*document, holder)) {
        return DocumentNotFound();
    }
    MOTCUA_RETURN_IF_ERROR(
        Audit(actor, "data_store.read", std::to_string(id),
              boost::json::serialize(boost::json::object{{"dossier", dossier_code}})));
    detail.view = Describe(std::move(*document));
    return detail;
}

Outcome<DownloadedFile> DataStore::Download(const domain::Actor& actor, std::int64_t id,
                                            const std::string& sha256,
                                            const std::string& dossier_code) {
    MOTCUA_ASSIGN_OR_RETURN(const auto access, HolderFor(actor, dossier_code));
    const auto& holder = access.holder;
    std::optional<storage::StoredDocument> document;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(document, transaction.StoredDocuments().Find(id));
        return Done{};
    }));
    if (!document || !Holds(*document, holder)) {
        return DocumentNotFound();
    }
    const auto& files = document->files;
    const auto file = std::find_if(files.begin(), files.end(),
                                   [&](const auto& held) { return held.sha256 == sha256; });
    if (file == files.end()) {
        return MakeError(ErrorKind::kNotFound, "file_not_found", "sha256");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto content, files_.Get(sha256));
    MOTCUA_RETURN_IF_ERROR(Audit(
        actor, "data_store.download", std::to_string(id),
        boost::json::serialize(boost::json::object{{"file", sha256}, {"dossier", dossier_code}})));
    const FileType type = DetectFileType(content).value_or(kUnknownFileType);
    return DownloadedFile{sha256, std::move(content), type};
}

Outcome<std::vector<ReusableComponent>> DataStore::ReusableFor(const domain::Actor& actor,
                                                               const std::string& code) {
    MOTCUA_ASSIGN_OR_RETURN(const auto view, dossiers_.Get(actor, code));
    const domain::Applicant& holder = view.dossier.applicant;
    if (!IsOwner(actor, view.dossier) && domain::IsTerminal(view.dossier.status)) {
        return std::vector<ReusableComponent>{};  // Closed: its officers handle it no more.
    }
    const auto snapshot = catalog_.GetSnapshot();
    const domain::Procedure* procedure = snapshot->FindProcedure(view.dossier.procedure_code);
    if (procedure == nullptr) {
        return MakeError(ErrorKind::kConflict, "procedure_missing", view.dossier.procedure_code);
    }
    std::vector<storage::StoredDocument> documents;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(
            documents, transaction.StoredDocuments().OfHolder(holder.kind, holder.id_number));
        return Done{};
    }));
    MOTCUA_RETURN_IF_ERROR(Audit(actor, "data_store.reusable", holder.id_number,
                                 boost::json::serialize(boost::json::object{{"dossier", code}})));
    std::vector<ReusableComponent> reusable;
    for (const auto& component : procedure->components) {
        ReusableComponent entry{&component, 0, {}};
        for (const auto& state : view.dossier.components) {
            if (state.code == component.code) {
                entry.reused_document = state.reused_document;
            }
        }
        const std::string key = ComponentTypeKey(component);
        for (const auto& document : documents) {
            // A document offered for a component is valid, and is not the dossier's own scan.
            if (document.type_key != key || document.source_dossier_id == view.dossier.id) {
                continue;
            }
            auto described = Describe(document);
            if (described.status == "valid" || document.id == entry.reused_document) {
                entry.documents.push_back(std::move(described));
            }
        }
        if (!entry.documents.empty() || entry.reused_document != 0) {
            reusable.push_back(std::move(entry));
        }
    }
    return reusable;
}

}  // namespace motcua::services
