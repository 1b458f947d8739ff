// The applicants' data store (storage/stored_document_store.hpp), written once for both backends.
#pragma once

#include "storage/sql/statement.hpp"
#include "storage/stored_document_store.hpp"

namespace motcua::storage::sql {

class SqlStoredDocumentStore final : public StoredDocumentStore {
public:
    explicit SqlStoredDocumentStore(Session& session) : session_(session) {}
    Outcome<std::pair<std::int64_t, bool>> FindOrInsert(const StoredDocument& document) override;
    Outcome<bool> AddFile(std::int64_t id, const StoredDocumentFile& file) override;
    Outcome<std::optional<StoredDocument>> Find(std::int64_t id) override;
    Outcome<std::vector<StoredDocument>> OfHolder(const std::string& holder_kind,
                                                  const std::string& holder_id) override;
    Outcome<Done> AppendHistory(const StoredDocumentEvent& event) override;
    Outcome<std::vector<StoredDocumentEvent>> History(std::int64_t id) override;
    Outcome<std::vector<std::int64_t>> RevokeResult(const std::string& public_id,
                                                    const std::string& at) override;
    Outcome<bool> HoldsFile(const std::string& sha256) override;

private:
    Session& session_;
};

}  // namespace motcua::storage::sql
