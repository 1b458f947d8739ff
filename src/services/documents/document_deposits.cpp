#include "services/documents/document_deposits.hpp"

#include <algorithm>
#include <array>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "services/documents/document_types.hpp"

namespace motcua::services {
namespace {

using domain::DossierAction;

const domain::Component* FindComponent(const domain::Procedure& procedure,
                                       const std::string& code) {
    const auto& components = procedure.components;
    const auto found = std::find_if(components.begin(), components.end(),
                                    [&](const domain::Component& c) { return c.code == code; });
    return found == components.end() ? nullptr : &*found;
}

std::string VietnamDate(Instant at) { return FormatVietnam(at).substr(0, 10); }

// A new document of `dossier`'s applicant, deposited by fact `input`.
storage::StoredDocument NewDocument(const domain::Dossier& dossier,
                                    const domain::ActionInput& input) {
    storage::StoredDocument document;
    document.holder_kind = dossier.applicant.kind;
    document.holder_id = dossier.applicant.id_number;
    document.source_dossier_id = dossier.id;
    document.source_dossier_code = dossier.code;
    document.procedure_code = dossier.procedure_code;
    document.valid_from = VietnamDate(input.at);
    document.created_at = FormatUtc(input.at);
    return document;
}

storage::StoredDocumentEvent Event(std::int64_t id, const domain::Dossier& dossier,
                                   const domain::ActionInput& input, std::string action,
                                   std::string note) {
    return {id,           FormatUtc(input.at), std::move(action),
            dossier.code, input.actor_login,   std::move(note)};
}

// Puts `document` (found or inserted) with `file` in the store and writes what changed.
Outcome<Done> Deposit(storage::Transaction& transaction, const storage::StoredDocument& document,
                      const storage::StoredDocumentFile& file, const domain::Dossier& dossier,
                      const domain::ActionInput& input) {
    auto& store = transaction.StoredDocuments();
    MOTCUA_ASSIGN_OR_RETURN(const auto found, store.FindOrInsert(document));
    MOTCUA_ASSIGN_OR_RETURN(const bool added, store.AddFile(found.first, file));
    if (found.second) {
        return store.AppendHistory(Event(found.first, dossier, input, "deposited", file.sha256));
    }
    if (added) {
        return store.AppendHistory(Event(found.first, dossier, input, "file_added", file.sha256));
    }
    return Done{};
}

// The desk's scan of a paper (digitize with its file) joins the component's stored scan.
Outcome<Done> DepositScan(storage::Transaction& transaction, const domain::Procedure& procedure,
                          const domain::Dossier& dossier, const domain::ActionInput& input) {
    const domain::Component* component = FindComponent(procedure, input.component);
    if (component == nullptr) {
        return Done{};
    }
    auto document = NewDocument(dossier, input);
    document.kind = "scan";
    document.type_key = ComponentTypeKey(*component);
    document.title = component->name_vi;
    document.component_code = component->code;
    document.deposited_by_agency = dossier.receiving_agency;
    std::string media_type;
    boost::system::error_code error;
    const auto payload = boost::json::parse(input.payload_json, error);
    if (!error && payload.is_object()) {
        if (const auto* type = payload.as_object().if_contains("media_type");
            type != nullptr && type->is_string()) {
            media_type = type->as_string();
        }
    }
    const storage::StoredDocumentFile file{input.file_sha256,
                                           static_cast<std::int64_t>(input.file_size), media_type};
    return Deposit(transaction, document, file, dossier, input);
}

// The returned electronic result: the signed file the register knows, or the uploaded one
// its issue_e_result fact describes.
Outcome<Done> DepositResult(storage::Transaction& transaction, const domain::Procedure& procedure,
                            const domain::Dossier& dossier, const domain::ActionInput& input) {
    auto document = NewDocument(dossier, input);
    document.kind = "result";
    document.type_key = ResultTypeKey(procedure);
    document.title =
        procedure.result.name_vi.empty() ? procedure.name_vi : procedure.result.name_vi;
    document.issuing_agency =
        dossier.competent_agency.empty() ? dossier.current_agency : dossier.competent_agency;
    document.deposited_by_agency = dossier.current_agency;
    storage::StoredDocumentFile file{dossier.e_result_sha256, 0, "application/pdf"};
    MOTCUA_ASSIGN_OR_RETURN(const auto registered,
                            transaction.EResults().FindBySha256(dossier.e_result_sha256));
    if (registered) {
        document.issuing_agency = registered->agency;
        document.title = registered->title;
        document.result_public_id = registered->public_id;
        document.valid_from = StoredInVietnam(registered->signed_at).substr(0, 10);
        file.size = registered->size;
    } else {
        constexpr std::array kIssue{DossierAction::kIssueEResult};
        MOTCUA_ASSIGN_OR_RETURN(const auto events,
                                transaction.Dossiers().ListEventsOf(dossier.id, kIssue));
        for (const auto& event : events) {
            boost::system::error_code error;
            const auto payload = boost::json::parse(event.payload_json, error);
            const auto* object = error ? nullptr : payload.if_object();
            if (object == nullptr || !object->contains("file_sha256") ||
                object->at("file_sha256") != boost::json::value(dossier.e_result_sha256)) {
                continue;
            }
            if (const auto* size = object->if_contains("size"); size && size->is_int64()) {
                file.size = size->as_int64();
            }
            if (const auto* type = object->if_contains("media_type"); type && type->is_string()) {
                file.media_type = type->as_string();
            }
        }
    }
    // Some results hold for a time only (the marital status certificate: 6 months).
    document.valid_until = ValidUntil(document.valid_from, procedure.result.valid_months);
    return Deposit(transaction, document, file, dossier, input);
}

}  // namespace

Outcome<Done> PrepareReuse(storage::Transaction& transaction, const domain::Dossier& dossier,
                           const domain::Procedure& procedure, domain::ActionInput& input) {
    const Error not_found = MakeError(ErrorKind::kNotFound, "document_not_found", "document",
                                      "a document of this applicant's data store");
    if (input.document <= 0) {
        return not_found;
    }
    MOTCUA_ASSIGN_OR_RETURN(const auto document,
                            transaction.StoredDocuments().Find(input.document));
    if (!document || document->holder_kind != dossier.applicant.kind ||
        document->holder_id != dossier.applicant.id_number) {
        return not_found;
    }
    if (StateOn(*document, VietnamDate(input.at)) != DocumentState::kValid) {
        return MakeError(ErrorKind::kConflict, "document_not_valid", "document");
    }
    const domain::Component* component = FindComponent(procedure, input.component);
    if (component != nullptr && ComponentTypeKey(*component) != document->type_key) {
        return MakeError(ErrorKind::kInvalid, "document_not_matching", "document");
    }
    input.document_files.clear();
    for (const auto& file : document->files) {
        input.document_files.push_back(file.sha256);
    }
    return Done{};
}

Outcome<Done> RecordInDataStore(storage::Transaction& transaction,
                                const domain::Procedure& procedure, const domain::Dossier& dossier,
                                const domain::ActionInput& input) {
    if (dossier.applicant.id_number.empty()) {
        return Done{};  // No holder to keep it for.
    }
    switch (input.action) {
        case DossierAction::kDigitize:
            if (input.file_origin != domain::FileOrigin::kUpload || input.file_sha256.empty()) {
                return Done{};
            }
            return DepositScan(transaction, procedure, dossier, input);
        case DossierAction::kReturnResult:
            if (dossier.e_result_sha256.empty()) {
                return Done{};
            }
            return DepositResult(transaction, procedure, dossier, input);
        case DossierAction::kReuse:
            if (input.document == 0) {
                return Done{};
            }
            return transaction.StoredDocuments().AppendHistory(
                Event(input.document, dossier, input, "reused", input.component));
        default:
            return Done{};
    }
}

Outcome<Done> RevokeStoredResult(storage::Transaction& transaction, const std::string& public_id,
                                 const std::string& at, const std::string& actor,
                                 const std::string& reason) {
    auto& store = transaction.StoredDocuments();
    MOTCUA_ASSIGN_OR_RETURN(const auto ids, store.RevokeResult(public_id, at));
    for (const auto id : ids) {
        MOTCUA_RETURN_IF_ERROR(store.AppendHistory({id, at, "revoked", "", actor, reason}));
    }
    return Done{};
}

}  // namespace motcua::services
