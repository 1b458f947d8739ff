#include "storage/sql/sql_stored_document_store.hpp"

#include <unordered_map>

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, holder_kind, holder_id, kind, type_key, title, source_dossier_id, "
    "source_dossier_code, procedure_code, component_code, issuing_agency, deposited_by_agency, "
    "result_public_id, valid_from, valid_until, created_at, revoked_at FROM stored_documents ";
constexpr std::string_view kFileColumns =
    "SELECT f.document_id, f.sha256, f.size, f.media_type FROM stored_document_files f ";

StoredDocument ReadRow(const Statement& row) {
    StoredDocument document;
    document.id = row.ColumnInt(0);
    document.holder_kind = row.ColumnText(1);
    document.holder_id = row.ColumnText(2);
    document.kind = row.ColumnText(3);
    document.type_key = row.ColumnText(4);
    document.title = row.ColumnText(5);
    document.source_dossier_id = row.ColumnInt(6);
    document.source_dossier_code = row.ColumnText(7);
    document.procedure_code = row.ColumnText(8);
    document.component_code = row.ColumnText(9);
    document.issuing_agency = row.ColumnText(10);
    document.deposited_by_agency = row.ColumnText(11);
    document.result_public_id = row.ColumnText(12);
    document.valid_from = row.ColumnText(13);
    document.valid_until = row.ColumnText(14);
    document.created_at = row.ColumnText(15);
    document.revoked_at = row.ColumnText(16);
    return document;
}

// Reads the (document_id, sha256, size, media_type) rows of `select` into their documents.
void AttachFiles(Statement& select, std::vector<StoredDocument>& documents) {
    std::unordered_map<std::int64_t, StoredDocument*> by_id;
    for (auto& document : documents) {
        by_id[document.id] = &document;
    }
    while (select.Step()) {
        const auto found = by_id.find(select.ColumnInt(0));
        if (found != by_id.end()) {
            found->second->files.push_back(
                {select.ColumnText(1), select.ColumnInt(2), select.ColumnText(3)});
        }
    }
}

}  // namespace

Outcome<std::pair<std::int64_t, bool>> SqlStoredDocumentStore::FindOrInsert(
    const StoredDocument& document) {
    auto insert = session_.Prepare(
        "INSERT INTO stored_documents (holder_kind, holder_id, kind, type_key, title, "
        "source_dossier_id, source_dossier_code, procedure_code, component_code, issuing_agency, "
        "deposited_by_agency, result_public_id, valid_from, valid_until, created_at, revoked_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6::bigint, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, '') "
        "ON CONFLICT (source_dossier_id, kind, component_code) DO NOTHING RETURNING id");
    insert.Bind(1, document.holder_kind).Bind(2, document.holder_id).Bind(3, document.kind);
    insert.Bind(4, document.type_key).Bind(5, document.title);
    insert.Bind(6, document.source_dossier_id).Bind(7, document.source_dossier_code);
    insert.Bind(8, document.procedure_code).Bind(9, document.component_code);
    insert.Bind(10, document.issuing_agency).Bind(11, document.deposited_by_agency);
    insert.Bind(12, document.result_public_id).Bind(13, document.valid_from);
    insert.Bind(14, document.valid_until).Bind(15, document.created_at);
    if (insert.Step()) {
        return std::pair<std::int64_t, bool>{insert.ColumnInt(0), true};
    }
    auto select = session_.Prepare(
        "SELECT id FROM stored_documents WHERE source_dossier_id = ?1::bigint AND kind = ?2 AND "
        "component_code = ?3");
    select.Bind(1, document.source_dossier_id).Bind(2, document.kind);
    select.Bind(3, document.component_code);
    if (!select.Step()) {
        return MakeError(ErrorKind::kConflict, "stored_document_missing", "id");
    }
    return std::pair<std::int64_t, bool>{select.ColumnInt(0), false};
}

Outcome<bool> SqlStoredDocumentStore::AddFile(std::int64_t id, const StoredDocumentFile& file) {
    auto insert = session_.Prepare(
        "INSERT INTO stored_document_files (document_id, position, sha256, size, media_type) "
        "SELECT ?1::bigint, COUNT(*) + 1, ?2, ?3::bigint, ?4 FROM stored_document_files "
        "WHERE document_id = ?1::bigint "
        "ON CONFLICT (document_id, sha256) DO NOTHING RETURNING position");
    insert.Bind(1, id).Bind(2, file.sha256).Bind(3, file.size).Bind(4, file.media_type);
    return insert.Step();
}

Outcome<std::optional<StoredDocument>> SqlStoredDocumentStore::Find(std::int64_t id) {
    auto select = session_.Prepare(std::string(kColumns) + "WHERE id = ?1::bigint");
    select.Bind(1, id);
    if (!select.Step()) {
        return std::optional<StoredDocument>();
    }
    std::vector<StoredDocument> documents{ReadRow(select)};
    auto files = session_.Prepare(std::string(kFileColumns) +
                                  "WHERE f.document_id = ?1::bigint ORDER BY f.position");
    files.Bind(1, id);
    AttachFiles(files, documents);
    return std::optional<StoredDocument>(std::move(documents.front()));
}

Outcome<std::vector<StoredDocument>> SqlStoredDocumentStore::OfHolder(
    const std::string& holder_kind, const std::string& holder_id) {
    auto select = session_.Prepare(std::string(kColumns) +
                                   "WHERE holder_kind = ?1 AND holder_id = ?2 ORDER BY id DESC");
    select.Bind(1, holder_kind).Bind(2, holder_id);
    std::vector<StoredDocument> documents;
    while (select.Step()) {
        documents.push_back(ReadRow(select));
    }
    if (documents.empty()) {
        return documents;
    }
    auto files = session_.Prepare(
        std::string(kFileColumns) +
        "JOIN stored_documents d ON d.id = f.document_id "
        "WHERE d.holder_kind = ?1 AND d.holder_id = ?2 ORDER BY f.document_id, f.position");
    files.Bind(1, holder_kind).Bind(2, holder_id);
    AttachFiles(files, documents);
    return documents;
}

Outcome<Done> SqlStoredDocumentStore::AppendHistory(const StoredDocumentEvent& event) {
    auto insert = session_.Prepare(
        "INSERT INTO stored_document_history (document_id, at, action, dossier_code, actor, note) "
        "VALUES (?1::bigint, ?2, ?3, ?4, ?5, ?6)");
    insert.Bind(1, event.document_id).Bind(2, event.at).Bind(3, event.action);
    insert.Bind(4, event.dossier_code).Bind(5, event.actor).Bind(6, event.note);
    insert.Run();
    return Done{};
}

Outcome<std::vector<StoredDocumentEvent>> SqlStoredDocumentStore::History(std::int64_t id) {
    auto select = session_.Prepare(
        "SELECT document_id, at, action, dossier_code, actor, note FROM stored_document_history "
        "WHERE document_id = ?1::bigint ORDER BY id");
    select.Bind(1, id);
    std::vector<StoredDocumentEvent> events;
    while (select.Step()) {
        events.push_back({select.ColumnInt(0), select.ColumnText(1), select.ColumnText(2),
                          select.ColumnText(3), select.ColumnText(4), select.ColumnText(5)});
    }
    return events;
}

Outcome<std::vector<std::int64_t>> SqlStoredDocumentStore::RevokeResult(
    const std::string& public_id, const std::string& at) {
    auto update = session_.Prepare(
        "UPDATE stored_documents SET revoked_at = ?2 "
        "WHERE result_public_id = ?1 AND result_public_id <> '' AND revoked_at = '' RETURNING id");
    update.Bind(1, public_id).Bind(2, at);
    std::vector<std::int64_t> ids;
    while (update.Step()) {
        ids.push_back(update.ColumnInt(0));
    }
    return ids;
}

Outcome<bool> SqlStoredDocumentStore::HoldsFile(const std::string& sha256) {
    auto select = session_.Prepare("SELECT 1 FROM stored_document_files WHERE sha256 = ?1 LIMIT 1");
    select.Bind(1, sha256);
    return select.Step();
}

}  // namespace motcua::storage::sql
