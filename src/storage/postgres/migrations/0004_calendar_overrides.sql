-- 0004 (PostgreSQL): the working-day calendar decisions recorded by the province administrators
-- (docs/domain.md §6.4), one row per date, and the revision every change bumps.

CREATE TABLE calendar_overrides (
    date            TEXT COLLATE "C" PRIMARY KEY,
    working         INTEGER NOT NULL CHECK (working IN (0, 1)),
    reason_vi       TEXT COLLATE "C" NOT NULL,
    reason_en       TEXT COLLATE "C" NOT NULL DEFAULT '',
    source          TEXT COLLATE "C" NOT NULL DEFAULT '',
    recorded_by     TEXT COLLATE "C" NOT NULL,
    recorded_at     TEXT COLLATE "C" NOT NULL
);

CREATE TABLE calendar_revision (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    revision        BIGINT NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (1, 0);
