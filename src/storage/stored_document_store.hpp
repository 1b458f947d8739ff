// StoredDocumentStore: the applicants' data store (kho dữ liệu, docs/data-store.md) — the papers
// the state holds for a citizen or an organisation, with their files and their history. Written in
// the transaction of the dossier fact that deposits, extends or reuses a document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::storage {

struct StoredDocumentFile {
    std::string sha256;
    std::int64_t size = 0;
    std::string media_type;
};

struct StoredDocument {
    std::int64_t id = 0;
    std::string holder_kind;  // "citizen" or "organisation".
    std::string holder_id;    // ID number or tax code.
    std::string kind;         // "result" (a signed e-result) or "scan" (digitised at the desk).
    std::string type_key;     // What paper it is (services/documents/document_types.hpp).
    std::string title;
    std::int64_t source_dossier_id = 0;
    std::string source_dossier_code;
    std::string procedure_code;
    std::string component_code;       // A scan's component; "" for a result.
    std::string issuing_agency;       // A result's signing agency; "" for a scan.
    std::string deposited_by_agency;  // The agency whose fact deposited it.
    std::string result_public_id;     // A signed result's verification id; "" otherwise.
    std::string valid_from;           // YYYY-MM-DD.
    std::string valid_until;          // YYYY-MM-DD, "" for no end.
    std::string created_at;           // UTC, storage format.
    std::string revoked_at;           // "" while not revoked.
    std::vector<StoredDocumentFile> files;
};

struct StoredDocumentEvent {
    std::int64_t document_id = 0;
    std::string at;      // UTC, storage format.
    std::string action;  // deposited, file_added, reused, revoked.
    std::string dossier_code;
    std::string actor;  // The login the dossier event records.
    std::string note;
};

class StoredDocumentStore {
public:
    virtual ~StoredDocumentStore() = default;
    /// The id of the document its source dossier holds of `document.kind` for
    /// `document.component_code`, inserting `document` (without files) when there is none; the
    /// bool tells whether it was inserted.
    virtual Outcome<std::pair<std::int64_t, bool>> FindOrInsert(const StoredDocument& document) = 0;
    /// Appends `file` to document `id` unless it holds it already (then false).
    virtual Outcome<bool> AddFile(std::int64_t id, const StoredDocumentFile& file) = 0;
    virtual Outcome<std::optional<StoredDocument>> Find(std::int64_t id) = 0;
    /// The holder's documents with their files, newest first.
    virtual Outcome<std::vector<StoredDocument>> OfHolder(const std::string& holder_kind,
                                                          const std::string& holder_id) = 0;
    virtual Outcome<Done> AppendHistory(const StoredDocumentEvent& event) = 0;
    /// A document's history, oldest first.
    virtual Outcome<std::vector<StoredDocumentEvent>> History(std::int64_t id) = 0;
    /// Marks revoked the documents that hold signed result `public_id`; returns their ids.
    virtual Outcome<std::vector<std::int64_t>> RevokeResult(const std::string& public_id,
                                                            const std::string& at) = 0;
    /// Whether any stored document holds file `sha256`.
    virtual Outcome<bool> HoldsFile(const std::string& sha256) = 0;
};

}  // namespace motcua::storage
