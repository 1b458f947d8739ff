-- 0015: the transactional outbox (docs/connectors.md §1). A row per event and connector, written
-- in the transaction of the event; the dispatcher claims the oldest open row of each dossier,
-- delivers it after the commit and records the outcome. Delivered rows stay, with what was sent
-- and what came back: the proof of what the province told each national system.
CREATE TABLE outbox (
    id             INTEGER PRIMARY KEY,
    connector      TEXT NOT NULL,
    dossier_id     INTEGER NOT NULL REFERENCES dossiers (id),
    dossier_code   TEXT NOT NULL,
    event_seq      INTEGER NOT NULL,
    action         TEXT NOT NULL,
    state          TEXT NOT NULL DEFAULT 'pending',
    attempts       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    next_at        TEXT NOT NULL,
    claimed_by     TEXT,
    claimed_until  TEXT,
    delivered_at   TEXT,
    last_error     TEXT,
    sent           TEXT,
    answer         TEXT
);
-- Each dossier's rows in order: its turn (no older open row), whether it was heard of (a
-- delivered row), the operator's listing and the reconciliation. One index for all of them
-- keeps the row a reception writes cheap.
CREATE INDEX outbox_by_dossier ON outbox (dossier_id, id);
-- The pending rows by the time they are due: what the dispatcher claims.
CREATE INDEX outbox_due ON outbox (connector, next_at, id) WHERE state = 'pending';
