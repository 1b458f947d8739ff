// The dossiers' file links (storage/file_link_store.hpp), written once for both backends.
#pragma once

#include "storage/file_link_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlFileLinkStore final : public FileLinkStore {
public:
    explicit SqlFileLinkStore(Session& session) : session_(session) {}
    Outcome<Done> Link(std::int64_t dossier_id, const std::string& sha256, std::uint64_t size,
                       const std::string& linked_at) override;
    Outcome<bool> IsLinkedTo(std::int64_t dossier_id, const std::string& sha256) override;
    Outcome<std::uint64_t> DossierBytes(std::int64_t dossier_id) override;
    Outcome<std::uint64_t> OwnerBytes(std::int64_t owner_account_id) override;
    Outcome<bool> IsLinked(const std::string& sha256) override;

private:
    Outcome<std::uint64_t> Sum(std::string_view sql, std::int64_t key);

    Session& session_;
};

}  // namespace motcua::storage::sql
