-- 0004: the working-day calendar decisions recorded by the province administrators (docs/domain.md §6.4):
-- a weekday off, a Saturday worked, a default holiday cancelled. They win over the built-in
-- defaults (statutory rules and the published 2025/2026 schedules), one row per date.

CREATE TABLE calendar_overrides (
    date            TEXT PRIMARY KEY,       -- YYYY-MM-DD, a civil date in Vietnam.
    working         INTEGER NOT NULL CHECK (working IN (0, 1)),
    reason_vi       TEXT NOT NULL,
    reason_en       TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT NOT NULL,          -- The login of the administrator (or system:...).
    recorded_at     TEXT NOT NULL           -- RFC 3339 UTC.
);

-- Grows with every change of calendar_overrides, so that every server process rebuilds its
-- calendar (services/calendar) when another one recorded a decision.
CREATE TABLE calendar_revision (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    revision        INTEGER NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (1, 0);
