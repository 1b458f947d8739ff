#include "services/results/e_results.hpp"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "common/time_format.hpp"
#include "reporting/render/result_pdf.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/catalog/catalog_snapshot.hpp"
#include "services/documents/document_deposits.hpp"
#include "services/results/result_id.hpp"
#include "signing/timestamp.hpp"

namespace motcua::services {

struct EResults::Signer {
    std::string agency;
    std::string agency_name;
    signing::CurrentKey key;
};

namespace {

std::int64_t UnixSeconds(Instant instant) {
    return std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count();
}

std::string VerificationUrl(std::string base, const std::string& id) {
    while (!base.empty() && base.back() == '/') {
        base.pop_back();
    }
    return base + "/xac-minh/" + id;
}

// The signature-time-stamp of a signature value from `authority` (none when null).
std::function<Outcome<std::string>(const std::string&)> StampWith(TimestampAuthority* authority) {
    if (authority == nullptr) {
        return {};
    }
    return [authority](const std::string& signature_value) -> Outcome<std::string> {
        MOTCUA_ASSIGN_OR_RETURN(const auto query, signing::MakeTimestampQuery(signature_value));
        auto token = authority->Exchange(query.der);
        if (token) {
            token = signing::TimestampToken(query, token.Value());
        }
        if (!token) {  // The operator's clue: the clerk sees only 503 timestamp_unavailable.
            spdlog::warn("time-stamp authority: {}", token.GetError().detail);
        }
        return token;
    };
}

}  // namespace

EResults::EResults(storage::Database& database, CatalogService& catalog, DossierService& dossiers,
                   storage::FileStore& files, const Clock& clock, EResultOptions options)
    : database_(database),
      catalog_(catalog),
      dossiers_(dossiers),
      files_(files),
      clock_(clock),
      options_(std::move(options)) {
    if (!options_.keys_dir.empty()) {
        keys_ = std::make_unique<signing::KeyStore>(options_.keys_dir);
    }
}

// The competent agency's key, else the nearest agency above it that holds one (a ward's unit
// signs with the ward's key).
Outcome<EResults::Signer> EResults::SignerFor(const domain::Dossier& dossier,
                                              const CatalogSnapshot& snapshot) const {
    std::string code =
        dossier.competent_agency.empty() ? dossier.current_agency : dossier.competent_agency;
    for (int depth = 0; !code.empty() && depth < 16; ++depth) {
        const domain::Agency* agency = snapshot.FindAgency(code);
        auto key = keys_->Current(code);
        if (key) {
            return Signer{code, agency != nullptr ? agency->name_vi : code, std::move(key.Value())};
        }
        if (key.GetError().code != "no_signing_key" && key.GetError().code != "invalid_parameter") {
            return key.GetError();
        }
        code = agency != nullptr ? agency->parent_code : std::string();
    }
    return MakeError(ErrorKind::kConflict, "no_signing_key", dossier.competent_agency);
}

bool EResults::Signs() const {
    std::error_code ignored;
    return keys_ != nullptr && std::filesystem::is_directory(keys_->Root() / "agencies", ignored);
}

Outcome<DossierView> EResults::FinishElectronic(const domain::Actor& actor, const std::string& code,
                                                domain::ActionInput finish) {
    if (!Signs()) {
        return dossiers_.Act(actor, code, std::move(finish));
    }
    const auto snapshot = catalog_.GetSnapshot();
    DossierView view;
    auto written = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(const auto finished,
                                dossiers_.ActWithin(transaction, actor, code, finish));
        const domain::Dossier& dossier = finished.dossier;
        MOTCUA_ASSIGN_OR_RETURN(auto signer, SignerFor(dossier, *snapshot));
        const Instant now = clock_.Now();
        const std::string public_id = NewResultId();
        const domain::Procedure* procedure = snapshot->FindProcedure(dossier.procedure_code);
        std::string title = procedure != nullptr ? procedure->result.name_vi : std::string();
        if (title.empty()) {
            title = "Kết quả giải quyết thủ tục hành chính";
        }
        const auto certificate = signing::DescribeCertificate(signer.key.key.certificate.get());
        reporting::render::ResultPrint print{
            .agency_name = signer.agency_name,
            .agency_code = signer.agency,
            .number = dossier.code + "/KQĐT",
            .title = title,
            .procedure_name = procedure != nullptr ? procedure->name_vi : dossier.procedure_code,
            .procedure_code = dossier.procedure_code,
            .dossier_code = dossier.code,
            .holder_name = dossier.applicant.name,
            .holder_id_number = dossier.applicant.id_number,
            .holder_address = dossier.applicant.address,
            .received_at = dossier.received_at ? FormatVietnam(*dossier.received_at) : "",
            .issued_at = FormatVietnam(now),
            .signer_name = signer.agency_name,
            .verification_url = VerificationUrl(options_.public_base_url, public_id),
            .verification_id = public_id};
        MOTCUA_ASSIGN_OR_RETURN(const auto rendered, reporting::render::RenderResultPdf(print));
        signing::SignatureRequest request{
            .signer_name = signer.agency_name,
            .reason = "Kết quả giải quyết thủ tục hành chính",
            .location = "Việt Nam",
            .signing_time = UnixSeconds(now),
            .rect = {rendered.signature_rect[0], rendered.signature_rect[1],
                     rendered.signature_rect[2], rendered.signature_rect[3]},
            .timestamp = StampWith(options_.timestamps)};
        MOTCUA_ASSIGN_OR_RETURN(const auto pdf,
                                signing::SignPdf(rendered.pdf, signer.key.key, request));
        MOTCUA_ASSIGN_OR_RETURN(const auto sha256, files_.Put(pdf));

        domain::ActionInput issue;
        issue.action = domain::DossierAction::kIssueEResult;
        issue.file_sha256 = sha256;
        issue.file_origin = domain::FileOrigin::kUpload;
        issue.file_size = pdf.size();
        issue.payload_json =
            boost::json::serialize(boost::json::object{{"file_sha256", sha256},
                                                       {"size", pdf.size()},
                                                       {"media_type", "application/pdf"},
                                                       {"result", public_id}});
        MOTCUA_ASSIGN_OR_RETURN(view, dossiers_.ActWithin(transaction, actor, code, issue));

        const storage::EResult row{.public_id = public_id,
                                   .dossier_id = dossier.id,
                                   .dossier_code = dossier.code,
                                   .agency = signer.agency,
                                   .title = title,
                                   .sha256 = sha256,
                                   .size = static_cast<std::int64_t>(pdf.size()),
                                   .key_number = signer.key.number,
                                   .signer_subject = certificate.subject,
                                   .signer_issuer = certificate.issuer,
                                   .signer_serial = certificate.serial,
                                   .certificate_sha256 = certificate.sha256,
                                   .not_before = certificate.not_before,
                                   .not_after = certificate.not_after,
                                   .signed_at = FormatUtc(now),
                                   .issued_by = actor.EventLogin()};
        MOTCUA_RETURN_IF_ERROR(transaction.EResults().Insert(row));
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, "result.issue", "dossier",
                                                       dossier.code, AuditOutcome::kOk,
                                                       boost::json::serialize(boost::json::object{
                                                           {"result", public_id},
                                                           {"sha256", sha256},
                                                           {"agency", signer.agency},
                                                           {"key", signer.key.number}})));
    });
    if (!written) {
        return written.GetError();
    }
    return view;
}

ResultView EResults::Describe(storage::EResult result) const {
    ResultView view;
    const auto snapshot = catalog_.GetSnapshot();
    if (const domain::Agency* agency = snapshot->FindAgency(result.agency)) {
        view.agency_name = agency->name_vi;
    }
    const bool revoked = !result.revoked_at.empty();
    view.status = revoked ? "revoked" : "valid";
    view.reason = revoked ? "revoked" : "";
    view.result = std::move(result);
    return view;
}

Outcome<storage::EResult> EResults::Find(const std::string& public_id) {
    if (!IsResultId(public_id)) {
        return MakeError(ErrorKind::kNotFound, "result_not_found", "id");
    }
    std::optional<storage::EResult> found;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(found, transaction.EResults().FindByPublicId(public_id));
        return Done{};
    }));
    if (!found) {
        return MakeError(ErrorKind::kNotFound, "result_not_found", "id");
    }
    return std::move(*found);
}

Outcome<ResultView> EResults::Verify(const std::string& public_id) {
    MOTCUA_ASSIGN_OR_RETURN(auto result, Find(public_id));
    return Describe(std::move(result));
}

Outcome<std::vector<signing::CertPtr>> EResults::Trusted() const {
    if (!keys_) {
        return std::vector<signing::CertPtr>();
    }
    return keys_->Trusted();
}

Outcome<signing::SignatureCheck> EResults::CheckSignature(const std::string& file) const {
    MOTCUA_ASSIGN_OR_RETURN(const auto trusted, Trusted());
    std::vector<X509*> anchors;
    anchors.reserve(trusted.size());
    for (const auto& certificate : trusted) {
        anchors.push_back(certificate.get());
    }
    return signing::VerifyPdf(file, anchors);
}

Outcome<ResultFileCheck> EResults::CheckFile(const std::string& public_id,
                                             const std::string& file) {
    MOTCUA_ASSIGN_OR_RETURN(auto result, Find(public_id));
    if (file.empty()) {
        return MakeError(ErrorKind::kInvalid, "empty_file", "file");
    }
    ResultFileCheck check;
    check.registered = Describe(std::move(result));
    check.sha256 = signing::Sha256Hex(file);
    check.size = static_cast<std::int64_t>(file.size());
    check.matches = check.sha256 == check.registered.result.sha256;
    MOTCUA_ASSIGN_OR_RETURN(check.signature, CheckSignature(file));
    return check;
}

Outcome<ResultFileCheck> EResults::CheckLocalFile(const std::string& file) {
    ResultFileCheck check;
    check.sha256 = signing::Sha256Hex(file);
    check.size = static_cast<std::int64_t>(file.size());
    MOTCUA_ASSIGN_OR_RETURN(check.signature, CheckSignature(file));
    std::optional<storage::EResult> found;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(found, transaction.EResults().FindBySha256(check.sha256));
        return Done{};
    }));
    if (found) {
        check.registered = Describe(std::move(*found));
        check.matches = true;
    }
    return check;
}

Outcome<ResultView> EResults::Revoke(const domain::Actor& actor, const std::string& public_id,
                                     const std::string& reason) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos || reason.size() > 1000) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "reason");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto result, Find(public_id));
    const auto snapshot = catalog_.GetSnapshot();
    const auto is_within = MakeIsWithin(snapshot);
    const bool may = domain::IsAllowed(actor, domain::Permission::kApproveDossier,
                                       {result.agency, 0}, is_within) ||
                     domain::IsAllowed(actor, domain::Permission::kManageAgencies,
                                       {result.agency, 0}, is_within);
    if (!may) {
        (void)RecordAudit(database_, MakeAuditEntry(clock_, actor, "result.revoke", "result",
                                                    public_id, AuditOutcome::kDenied));
        return AccessDenied(actor);
    }
    const std::string at = FormatUtc(clock_.Now());
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(const bool revoked, transaction.EResults().Revoke(
                                                        result.id, at, actor.EventLogin(), reason));
        if (!revoked) {
            return MakeError(ErrorKind::kConflict, "already_revoked", "id");
        }
        MOTCUA_RETURN_IF_ERROR(
            RevokeStoredResult(transaction, public_id, at, actor.EventLogin(), reason));
        return AppendAudit(transaction,
                           MakeAuditEntry(clock_, actor, "result.revoke", "dossier",
                                          result.dossier_code, AuditOutcome::kOk,
                                          boost::json::serialize(boost::json::object{
                                              {"result", public_id}, {"reason", reason}})));
    }));
    result.revoked_at = at;
    result.revoked_by = actor.EventLogin();
    result.revocation_reason = reason;
    return Describe(std::move(result));
}

Outcome<std::vector<ResultView>> EResults::OfDossier(const domain::Actor& actor,
                                                     const std::string& code) {
    MOTCUA_ASSIGN_OR_RETURN(const auto dossier, dossiers_.Get(actor, code));
    std::vector<storage::EResult> rows;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(rows, transaction.EResults().OfDossier(dossier.dossier.id));
        return Done{};
    }));
    std::vector<ResultView> views;
    views.reserve(rows.size());
    for (auto& row : rows) {
        views.push_back(Describe(std::move(row)));
    }
    return views;
}

}  // namespace motcua::services
