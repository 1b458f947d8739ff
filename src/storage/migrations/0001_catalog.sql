-- 0001: reference data — agency tree, fields, procedure catalogue with version history.
-- Portable SQL (SQLite and PostgreSQL). Documents are the canonical JSON of docs/import-format.md.

CREATE TABLE agencies (
    code            TEXT PRIMARY KEY,
    legacy_code     TEXT,
    parent_code     TEXT,
    kind            TEXT NOT NULL,
    name_vi         TEXT NOT NULL,
    valid_from      TEXT NOT NULL,
    valid_to        TEXT,
    doc             TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX agencies_legacy_code ON agencies (legacy_code);
CREATE INDEX agencies_parent ON agencies (parent_code);

CREATE TABLE fields (
    code            TEXT PRIMARY KEY,
    name_vi         TEXT NOT NULL,
    name_en         TEXT NOT NULL
);

CREATE TABLE procedures (
    code            TEXT PRIMARY KEY,
    national_code   TEXT NOT NULL,
    field_code      TEXT NOT NULL REFERENCES fields (code),
    version         INTEGER NOT NULL,
    effective_from  TEXT NOT NULL,
    doc             TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX procedures_national_code ON procedures (national_code);

-- Every content a procedure code has had, including the current one.
CREATE TABLE procedure_versions (
    code            TEXT NOT NULL,
    version         INTEGER NOT NULL,
    effective_from  TEXT NOT NULL,
    doc             TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    PRIMARY KEY (code, version, recorded_at)
);

-- One row; bumped by every catalogue write so that server processes refresh their search index.
CREATE TABLE catalog_revision (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    revision        INTEGER NOT NULL
);
INSERT INTO catalog_revision (id, revision) VALUES (1, 0);
