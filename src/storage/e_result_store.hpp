// EResultStore: the register of signed electronic results (docs/e-results.md §4), which public
// verification reads: one row per issued file, never deleted; a revocation is recorded on it once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::storage {

struct EResult {
    std::int64_t id = 0;
    std::string public_id;  // 26 characters of base32: the verification URL's id.
    std::int64_t dossier_id = 0;
    std::string dossier_code;
    std::string agency;  // The signing agency.
    std::string title;   // The result document's title, Vietnamese.
    std::string sha256;  // Of the signed file.
    std::int64_t size = 0;
    int key_number = 0;  // Which of the agency's keys (signing/key_store.hpp).
    std::string signer_subject;
    std::string signer_issuer;
    std::string signer_serial;
    std::string certificate_sha256;
    std::string not_before;
    std::string not_after;
    std::string signed_at;   // UTC, storage format.
    std::string issued_by;   // The officer's login.
    std::string revoked_at;  // Empty while valid.
    std::string revoked_by;
    std::string revocation_reason;
};

class EResultStore {
public:
    virtual ~EResultStore() = default;
    /// Registers a result; returns its id. kConflict "duplicate_result" when the public id is
    /// taken.
    virtual Outcome<std::int64_t> Insert(const EResult& result) = 0;
    virtual Outcome<std::optional<EResult>> FindByPublicId(const std::string& public_id) = 0;
    /// The newest result whose file has `sha256`.
    virtual Outcome<std::optional<EResult>> FindBySha256(const std::string& sha256) = 0;
    /// A dossier's results, newest first.
    virtual Outcome<std::vector<EResult>> OfDossier(std::int64_t dossier_id) = 0;
    /// Records the revocation of result `id` unless it is revoked already (then false).
    virtual Outcome<bool> Revoke(std::int64_t id, const std::string& at, const std::string& by,
                                 const std::string& reason) = 0;
};

}  // namespace motcua::storage
