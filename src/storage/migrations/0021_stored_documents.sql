-- 0021: the applicants' data store (kho dữ liệu, docs/data-store.md). A stored document is a
-- paper the state holds for a citizen or an organisation (the holder: kind and ID number or tax
-- code): a signed electronic result deposited when its dossier's result is returned, or a paper
-- the desk digitised for a dossier. Its files are the store's references into the file store (the
-- orphan collection keeps them); its history records its deposit, added pages, reuses and
-- revocation. Never deleted.
CREATE TABLE stored_documents (
    id                   INTEGER PRIMARY KEY,
    holder_kind          TEXT NOT NULL,
    holder_id            TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    type_key             TEXT NOT NULL,
    title                TEXT NOT NULL,
    source_dossier_id    INTEGER NOT NULL,
    source_dossier_code  TEXT NOT NULL,
    procedure_code       TEXT NOT NULL,
    component_code       TEXT NOT NULL,
    issuing_agency       TEXT NOT NULL,
    deposited_by_agency  TEXT NOT NULL,
    result_public_id     TEXT NOT NULL,
    valid_from           TEXT NOT NULL,
    valid_until          TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    revoked_at           TEXT NOT NULL,
    UNIQUE (source_dossier_id, kind, component_code)
);
CREATE INDEX stored_documents_holder ON stored_documents (holder_kind, holder_id, id);
CREATE INDEX stored_documents_result ON stored_documents (result_public_id);

CREATE TABLE stored_document_files (
    document_id  INTEGER NOT NULL REFERENCES stored_documents (id),
    position     INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    size         INTEGER NOT NULL,
    media_type   TEXT NOT NULL,
    PRIMARY KEY (document_id, sha256)
);
CREATE INDEX stored_document_files_sha256 ON stored_document_files (sha256);

CREATE TABLE stored_document_history (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES stored_documents (id),
    at            TEXT NOT NULL,
    action        TEXT NOT NULL,
    dossier_code  TEXT NOT NULL,
    actor         TEXT NOT NULL,
    note          TEXT NOT NULL
);
CREATE INDEX stored_document_history_document ON stored_document_history (document_id, id);
