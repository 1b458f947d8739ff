#include "storage/sql/sql_file_link_store.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO dossier_files (dossier_id, sha256, size, linked_at) "
    "VALUES (?1::bigint, ?2, ?3::bigint, ?4) ON CONFLICT (dossier_id, sha256) DO NOTHING";
constexpr std::string_view kLinkedTo =
    "SELECT 1 FROM dossier_files WHERE dossier_id = ?1::bigint AND sha256 = ?2";
constexpr std::string_view kDossierBytes =
    "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM dossier_files WHERE dossier_id = "
    "?1::bigint";
// Through dossiers_owner (owner_account_id, id) to the applicant's dossiers, then their files.
constexpr std::string_view kOwnerBytes =
    "SELECT CAST(COALESCE(SUM(f.size), 0) AS BIGINT) FROM dossiers d "
    "JOIN dossier_files f ON f.dossier_id = d.id WHERE d.owner_account_id = ?1::bigint";
constexpr std::string_view kLinked = "SELECT 1 FROM dossier_files WHERE sha256 = ?1 LIMIT 1";

}  // namespace

Outcome<Done> SqlFileLinkStore::Link(std::int64_t dossier_id, const std::string& sha256,
                                     std::uint64_t size, const std::string& linked_at) {
    auto insert = session_.Prepare(kInsert);
    insert.Bind(1, dossier_id)
        .Bind(2, sha256)
        .Bind(3, static_cast<std::int64_t>(size))
        .Bind(4, linked_at);
    insert.Run();
    return Done{};
}

Outcome<bool> SqlFileLinkStore::IsLinkedTo(std::int64_t dossier_id, const std::string& sha256) {
    auto select = session_.Prepare(kLinkedTo);
    select.Bind(1, dossier_id).Bind(2, sha256);
    return select.Step();
}

Outcome<std::uint64_t> SqlFileLinkStore::Sum(std::string_view sql, std::int64_t key) {
    auto select = session_.Prepare(sql);
    select.Bind(1, key);
    if (!select.Step()) {
        return std::uint64_t{0};
    }
    return static_cast<std::uint64_t>(select.ColumnInt(0));
}

Outcome<std::uint64_t> SqlFileLinkStore::DossierBytes(std::int64_t dossier_id) {
    return Sum(kDossierBytes, dossier_id);
}

Outcome<std::uint64_t> SqlFileLinkStore::OwnerBytes(std::int64_t owner_account_id) {
    return Sum(kOwnerBytes, owner_account_id);
}

Outcome<bool> SqlFileLinkStore::IsLinked(const std::string& sha256) {
    auto select = session_.Prepare(kLinked);
    select.Bind(1, sha256);
    return select.Step();
}

}  // namespace motcua::storage::sql
