-- 0017 (PostgreSQL): outbox rows that belong to no dossier (docs/connectors.md §1): a message with
-- a JSON payload, such as the audit log's head sent to a witness (§5). A message row has no
-- dossier (NULL id, empty code, event 0) and its kind in `action`; message rows are not ordered
-- against each other: each stands alone.
ALTER TABLE outbox ALTER COLUMN dossier_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN payload TEXT;
