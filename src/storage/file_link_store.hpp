// FileLinkStore: which stored files each dossier's facts linked (attach, digitize, an uploaded
// electronic result), with their sizes. The storage quotas add them up per dossier and per
// applicant; the orphan collection deletes stored files that no dossier links.
#pragma once

#include <cstdint>
#include <string>

#include "common/outcome.hpp"

namespace motcua::storage {

class FileLinkStore {
public:
    virtual ~FileLinkStore() = default;
    /// Records that dossier `dossier_id` links file `sha256` of `size` bytes (once per dossier).
    virtual Outcome<Done> Link(std::int64_t dossier_id, const std::string& sha256,
                               std::uint64_t size, const std::string& linked_at) = 0;
    /// Whether the dossier links `sha256` already.
    virtual Outcome<bool> IsLinkedTo(std::int64_t dossier_id, const std::string& sha256) = 0;
    /// The bytes of the files the dossier links.
    virtual Outcome<std::uint64_t> DossierBytes(std::int64_t dossier_id) = 0;
    /// The bytes of the files linked to the dossiers of applicant account `owner_account_id`.
    virtual Outcome<std::uint64_t> OwnerBytes(std::int64_t owner_account_id) = 0;
    /// Whether any dossier links `sha256`.
    virtual Outcome<bool> IsLinked(const std::string& sha256) = 0;
};

}  // namespace motcua::storage
