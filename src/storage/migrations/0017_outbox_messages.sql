-- 0017: outbox rows that belong to no dossier (docs/connectors.md §1): a message with a JSON
-- payload, such as the audit log's head sent to a witness (§5). `dossier_id` becomes nullable and
-- `payload` is added; SQLite cannot drop NOT NULL, so the table is rebuilt with its rows and
-- indexes. A message row has no dossier (NULL id, empty code, event 0) and its kind in `action`;
-- message rows are not ordered against each other: each stands alone.
CREATE TABLE outbox_next (
    id             INTEGER PRIMARY KEY,
    connector      TEXT NOT NULL,
    dossier_id     INTEGER REFERENCES dossiers (id),
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
    answer         TEXT,
    payload        TEXT
);
INSERT INTO outbox_next (id, connector, dossier_id, dossier_code, event_seq, action, state,
                         attempts, created_at, next_at, claimed_by, claimed_until, delivered_at,
                         last_error, sent, answer)
SELECT id, connector, dossier_id, dossier_code, event_seq, action, state, attempts, created_at,
       next_at, claimed_by, claimed_until, delivered_at, last_error, sent, answer
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_by_dossier ON outbox (dossier_id, id);
CREATE INDEX outbox_due ON outbox (connector, next_at, id) WHERE state = 'pending';
