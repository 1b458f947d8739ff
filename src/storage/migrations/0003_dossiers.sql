-- 0003: dossiers (the projection of their events), their append-only events, and the daily
-- code counters. `doc` is the dossier's canonical JSON; the other columns are what queries use.

CREATE TABLE dossiers (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    procedure_code      TEXT NOT NULL,
    receiving_agency    TEXT NOT NULL,
    current_agency      TEXT NOT NULL,
    current_role        TEXT NOT NULL DEFAULT '',
    owner_account_id    INTEGER NOT NULL DEFAULT 0,
    applicant_id_number TEXT NOT NULL,
    status              INTEGER NOT NULL,
    due_at              TEXT,
    overdue_at          TEXT,
    received_at         TEXT,
    updated_at          TEXT NOT NULL,
    doc                 TEXT NOT NULL
);
CREATE INDEX dossiers_current_agency ON dossiers (current_agency, current_role, status, due_at);
CREATE INDEX dossiers_receiving_agency ON dossiers (receiving_agency, status);
CREATE INDEX dossiers_owner ON dossiers (owner_account_id, id);
CREATE INDEX dossiers_applicant ON dossiers (applicant_id_number);
CREATE INDEX dossiers_due ON dossiers (status, due_at);

CREATE TABLE dossier_events (
    dossier_id      INTEGER NOT NULL REFERENCES dossiers (id),
    seq             INTEGER NOT NULL,
    at              TEXT NOT NULL,
    action          TEXT NOT NULL,
    actor_id        INTEGER NOT NULL,
    actor_login     TEXT NOT NULL,
    agency_code     TEXT NOT NULL,
    from_status     INTEGER,
    to_status       INTEGER NOT NULL,
    payload         TEXT NOT NULL,
    due_at          TEXT,
    PRIMARY KEY (dossier_id, seq)
);

-- Gap-free daily sequence per receiving agency: incremented in the dossier's transaction.
CREATE TABLE dossier_code_counters (
    agency_code     TEXT NOT NULL,
    day             TEXT NOT NULL,
    last_seq        INTEGER NOT NULL,
    PRIMARY KEY (agency_code, day)
);

-- Idempotency-Key of a creating POST: a retried submission returns the dossier it created.
CREATE TABLE idempotency_keys (
    actor_id        INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    dossier_code    TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (actor_id, idempotency_key)
);
