// Signed electronic results (docs/e-results.md): finishing a dossier with result_kind=electronic
// renders its result (reporting/render/result_pdf.hpp), signs it with the competent agency's key
// (signing/pades.hpp, keys from signing/key_store.hpp), stores the file and records the
// issue_e_result fact and the register row in the finish's own transaction. Anyone may verify a
// result by its public id, or check that a file is the registered one; heads of the signing
// agency and the province administrator may revoke one, with a reason, audited.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/results/timestamp_authority.hpp"
#include "signing/key_store.hpp"
#include "signing/pades.hpp"
#include "storage/database.hpp"
#include "storage/e_result_store.hpp"
#include "storage/file_store.hpp"

namespace motcua::services {

struct EResultOptions {
    /// The agencies' keys (signing/key_store.hpp); while it holds none, results are not signed
    /// here and are uploaded instead (POST …/e-result).
    std::filesystem::path keys_dir;
    std::string public_base_url;  // Where /xac-minh/{id} is served; "" gives a relative link.
    /// Stamps each signature (RFC 3161) when set; a failed stamp fails the finish (503
    /// timestamp_unavailable) and nothing is written.
    TimestampAuthority* timestamps = nullptr;
};

/// A registered result as verification shows it.
struct ResultView {
    storage::EResult result;
    std::string agency_name;
    std::string status;  // "valid" or "revoked".
    std::string reason;  // "revoked" or "".
};

/// A file checked against a registered result.
struct ResultFileCheck {
    ResultView registered;
    std::string sha256;
    std::int64_t size = 0;
    bool matches = false;  // The very bytes registered.
    signing::SignatureCheck signature;
};

class EResults {
public:
    EResults(storage::Database& database, CatalogService& catalog, DossierService& dossiers,
             storage::FileStore& files, const Clock& clock, EResultOptions options);

    /// Whether results are signed here: a keys folder holding agencies' keys (`motcua demo` and
    /// `motcua keys create|import` make it; read at each finish, so keys made later count).
    [[nodiscard]] bool Signs() const;

    /// Applies `finish` (result_kind electronic); when results are signed here, also issues the
    /// signed result in the same transaction. Errors: Act's, kConflict "no_signing_key" when no
    /// agency from the competent one up holds a key, the signing errors.
    Outcome<DossierView> FinishElectronic(const domain::Actor& actor, const std::string& code,
                                          domain::ActionInput finish);

    /// The register's word on result `public_id`, for anyone: 404 result_not_found.
    Outcome<ResultView> Verify(const std::string& public_id);

    /// Checks `file` against result `public_id`: the same bytes, and a valid signature from a
    /// trusted authority. 400 empty_file for no bytes.
    Outcome<ResultFileCheck> CheckFile(const std::string& public_id, const std::string& file);

    /// Checks `file` offline (`motcua verify`): its signature, and the register's row of the
    /// same bytes when there is one (`matches` false and `registered` empty otherwise).
    Outcome<ResultFileCheck> CheckLocalFile(const std::string& file);

    /// Revokes result `public_id` with `reason` (1–1,000 bytes): heads of the signing agency's
    /// subtree and the province administrator; 409 already_revoked; audited.
    Outcome<ResultView> Revoke(const domain::Actor& actor, const std::string& public_id,
                               const std::string& reason);

    /// The results of dossier `code`, newest first, for whoever may read it.
    Outcome<std::vector<ResultView>> OfDossier(const domain::Actor& actor, const std::string& code);

    /// The trusted authorities' certificates (for `motcua verify`).
    Outcome<std::vector<signing::CertPtr>> Trusted() const;

private:
    struct Signer;
    Outcome<Signer> SignerFor(const domain::Dossier& dossier,
                              const CatalogSnapshot& snapshot) const;
    ResultView Describe(storage::EResult result) const;
    Outcome<storage::EResult> Find(const std::string& public_id);
    Outcome<signing::SignatureCheck> CheckSignature(const std::string& file) const;

    storage::Database& database_;
    CatalogService& catalog_;
    DossierService& dossiers_;
    storage::FileStore& files_;
    const Clock& clock_;
    EResultOptions options_;
    std::unique_ptr<signing::KeyStore> keys_;
};

}  // namespace motcua::services
