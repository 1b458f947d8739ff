#include "storage/sql/sql_e_result_store.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, public_id, dossier_id, dossier_code, agency, title, sha256, size, key_number, "
    "signer_subject, signer_issuer, signer_serial, certificate_sha256, not_before, not_after, "
    "signed_at, issued_by, COALESCE(revoked_at, ''), COALESCE(revoked_by, ''), "
    "COALESCE(revocation_reason, '') FROM e_results ";

EResult ReadRow(const Statement& row) {
    EResult result;
    result.id = row.ColumnInt(0);
    result.public_id = row.ColumnText(1);
    result.dossier_id = row.ColumnInt(2);
    result.dossier_code = row.ColumnText(3);
    result.agency = row.ColumnText(4);
    result.title = row.ColumnText(5);
    result.sha256 = row.ColumnText(6);
    result.size = row.ColumnInt(7);
    result.key_number = static_cast<int>(row.ColumnInt(8));
    result.signer_subject = row.ColumnText(9);
    result.signer_issuer = row.ColumnText(10);
    result.signer_serial = row.ColumnText(11);
    result.certificate_sha256 = row.ColumnText(12);
    result.not_before = row.ColumnText(13);
    result.not_after = row.ColumnText(14);
    result.signed_at = row.ColumnText(15);
    result.issued_by = row.ColumnText(16);
    result.revoked_at = row.ColumnText(17);
    result.revoked_by = row.ColumnText(18);
    result.revocation_reason = row.ColumnText(19);
    return result;
}

}  // namespace

Outcome<std::int64_t> SqlEResultStore::Insert(const EResult& result) {
    auto insert = session_.Prepare(
        "INSERT INTO e_results (public_id, dossier_id, dossier_code, agency, title, sha256, size, "
        "key_number, signer_subject, signer_issuer, signer_serial, certificate_sha256, "
        "not_before, not_after, signed_at, issued_by) VALUES (?1, ?2::bigint, ?3, ?4, ?5, ?6, "
        "?7::bigint, ?8::bigint, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
        "ON CONFLICT (public_id) DO NOTHING RETURNING id");
    insert.Bind(1, result.public_id).Bind(2, result.dossier_id).Bind(3, result.dossier_code);
    insert.Bind(4, result.agency).Bind(5, result.title).Bind(6, result.sha256);
    insert.Bind(7, result.size).Bind(8, std::int64_t{result.key_number});
    insert.Bind(9, result.signer_subject).Bind(10, result.signer_issuer);
    insert.Bind(11, result.signer_serial).Bind(12, result.certificate_sha256);
    insert.Bind(13, result.not_before).Bind(14, result.not_after);
    insert.Bind(15, result.signed_at).Bind(16, result.issued_by);
    if (!insert.Step()) {
        return MakeError(ErrorKind::kConflict, "duplicate_result", "id");
    }
    return insert.ColumnInt(0);
}

Outcome<std::optional<EResult>> SqlEResultStore::FindOne(std::string_view where,
                                                         const std::string& value) {
    auto select = session_.Prepare(std::string(kColumns) + std::string(where));
    select.Bind(1, value);
    if (!select.Step()) {
        return std::optional<EResult>();
    }
    return std::optional<EResult>(ReadRow(select));
}

Outcome<std::optional<EResult>> SqlEResultStore::FindByPublicId(const std::string& public_id) {
    return FindOne("WHERE public_id = ?1", public_id);
}

Outcome<std::optional<EResult>> SqlEResultStore::FindBySha256(const std::string& sha256) {
    return FindOne("WHERE sha256 = ?1 ORDER BY id DESC LIMIT 1", sha256);
}

Outcome<std::vector<EResult>> SqlEResultStore::OfDossier(std::int64_t dossier_id) {
    auto select =
        session_.Prepare(std::string(kColumns) + "WHERE dossier_id = ?1::bigint ORDER BY id DESC");
    select.Bind(1, dossier_id);
    std::vector<EResult> results;
    while (select.Step()) {
        results.push_back(ReadRow(select));
    }
    return results;
}

Outcome<bool> SqlEResultStore::Revoke(std::int64_t id, const std::string& at, const std::string& by,
                                      const std::string& reason) {
    auto update = session_.Prepare(
        "UPDATE e_results SET revoked_at = ?2, revoked_by = ?3, revocation_reason = ?4 "
        "WHERE id = ?1::bigint AND revoked_at IS NULL RETURNING id");
    update.Bind(1, id).Bind(2, at).Bind(3, by).Bind(4, reason);
    return update.Step();
}

}  // namespace motcua::storage::sql
