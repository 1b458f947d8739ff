-- 0001 (PostgreSQL): reference data — agency tree, fields, procedure catalogue with version
-- history. Same tables as storage/migrations/0001; documents stay TEXT (canonical JSON compared
-- byte for byte to count unchanged records). Every text column collates as "C", so that codes,
-- ISO dates and RFC 3339 instants sort and compare byte by byte as in SQLite, whatever the
-- database's locale: the keyset cursors and period ranges depend on it.

CREATE TABLE agencies (
    code            TEXT COLLATE "C" PRIMARY KEY,
    legacy_code     TEXT COLLATE "C",
    parent_code     TEXT COLLATE "C",
    kind            TEXT COLLATE "C" NOT NULL,
    name_vi         TEXT COLLATE "C" NOT NULL,
    valid_from      TEXT COLLATE "C" NOT NULL,
    valid_to        TEXT COLLATE "C",
    doc             TEXT COLLATE "C" NOT NULL,
    updated_at      TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX agencies_legacy_code ON agencies (legacy_code);
CREATE INDEX agencies_parent ON agencies (parent_code);

CREATE TABLE fields (
    code            TEXT COLLATE "C" PRIMARY KEY,
    name_vi         TEXT COLLATE "C" NOT NULL,
    name_en         TEXT COLLATE "C" NOT NULL
);

CREATE TABLE procedures (
    code            TEXT COLLATE "C" PRIMARY KEY,
    national_code   TEXT COLLATE "C" NOT NULL,
    field_code      TEXT COLLATE "C" NOT NULL REFERENCES fields (code),
    version         BIGINT NOT NULL,
    effective_from  TEXT COLLATE "C" NOT NULL,
    doc             TEXT COLLATE "C" NOT NULL,
    updated_at      TEXT COLLATE "C" NOT NULL
);
CREATE INDEX procedures_national_code ON procedures (national_code);

CREATE TABLE procedure_versions (
    code            TEXT COLLATE "C" NOT NULL,
    version         BIGINT NOT NULL,
    effective_from  TEXT COLLATE "C" NOT NULL,
    doc             TEXT COLLATE "C" NOT NULL,
    recorded_at     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (code, version, recorded_at)
);

CREATE TABLE catalog_revision (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    revision        BIGINT NOT NULL
);
INSERT INTO catalog_revision (id, revision) VALUES (1, 0);
