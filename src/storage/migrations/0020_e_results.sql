-- 0020: signed electronic results (docs/e-results.md §4). One row per issued result file: the
-- public id its QR code and verification page use (unguessable), the file's SHA-256, who signed
-- it with which certificate and when, and its revocation. Never deleted; revocation is recorded.
CREATE TABLE e_results (
    id                  INTEGER PRIMARY KEY,
    public_id           TEXT NOT NULL UNIQUE,
    dossier_id          INTEGER NOT NULL,
    dossier_code        TEXT NOT NULL,
    agency              TEXT NOT NULL,
    title               TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    size                INTEGER NOT NULL,
    key_number          INTEGER NOT NULL,
    signer_subject      TEXT NOT NULL,
    signer_issuer       TEXT NOT NULL,
    signer_serial       TEXT NOT NULL,
    certificate_sha256  TEXT NOT NULL,
    not_before          TEXT NOT NULL,
    not_after           TEXT NOT NULL,
    signed_at           TEXT NOT NULL,
    issued_by           TEXT NOT NULL,
    revoked_at          TEXT,
    revoked_by          TEXT,
    revocation_reason   TEXT
);
CREATE INDEX e_results_dossier ON e_results (dossier_id, id);
CREATE INDEX e_results_sha256 ON e_results (sha256);
