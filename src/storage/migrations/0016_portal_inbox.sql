-- 0016: what MotCua takes in from a national portal (docs/dvcqg.md §3.4). A cursor per connector
-- and stream (the last portal sequence number taken in, advanced in the transaction that creates
-- the page's dossiers), and the review queue: catalogue entries that differ from the province's
-- and portal dossiers that could not be created, each until an administrator decides.
CREATE TABLE portal_cursors (
    connector  TEXT NOT NULL,
    name       TEXT NOT NULL,
    value      INTEGER NOT NULL,
    PRIMARY KEY (connector, name)
);
CREATE TABLE portal_review (
    id             INTEGER PRIMARY KEY,
    connector      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    code           TEXT NOT NULL,
    change         TEXT NOT NULL,
    payload        TEXT NOT NULL,
    reason         TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'pending',
    first_seen_at  TEXT NOT NULL,
    last_seen_at   TEXT NOT NULL,
    decided_by     TEXT,
    decided_at     TEXT,
    note           TEXT,
    UNIQUE (connector, kind, code)
);
CREATE INDEX portal_review_by_status ON portal_review (connector, status, id);
