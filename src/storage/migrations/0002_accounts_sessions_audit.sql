-- 0002: accounts with role grants, sessions, and the append-only hash-chained audit log.

CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL,
    login               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    agency_code         TEXT NOT NULL DEFAULT '',
    title               TEXT NOT NULL DEFAULT '',
    representative      TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL,
    disabled            INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);
CREATE INDEX accounts_agency ON accounts (agency_code);

CREATE TABLE account_roles (
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    role            TEXT NOT NULL,
    agency_code     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, role, agency_code)
);

-- Opaque tokens are never stored: only their SHA-256.
CREATE TABLE sessions (
    token_hash      TEXT PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    kind            TEXT NOT NULL,          -- 'cookie' or 'bearer'
    csrf_hash       TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    revoked_at      TEXT,
    remote_address  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE audit_log (
    seq             INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor_id        INTEGER NOT NULL,
    actor_login     TEXT NOT NULL,
    action          TEXT NOT NULL,
    target_kind     TEXT NOT NULL,
    target_id       TEXT NOT NULL,
    remote_address  TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    detail          TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_target ON audit_log (target_kind, target_id, seq);

-- The chain's head, updated with every append: deleting trailing rows is detected too.
CREATE TABLE audit_head (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    seq             INTEGER NOT NULL,
    hash            TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
