-- 0005: indicator counters (reporting/counters.hpp) per agency × procedure × received day,
-- updated in the same transaction as the dossier events that change them; any period, agency
-- subtree or procedure set is a sum of rows. `motcua indicators recompute` rebuilds the table.
CREATE TABLE indicator_counters (
    agency_code             TEXT NOT NULL,
    procedure_code          TEXT NOT NULL,
    day                     TEXT NOT NULL,   -- YYYY-MM-DD, local (UTC+7) received day
    received                INTEGER NOT NULL DEFAULT 0,
    overdue_month           INTEGER NOT NULL DEFAULT 0,
    overdue_quarter         INTEGER NOT NULL DEFAULT 0,
    overdue_year            INTEGER NOT NULL DEFAULT 0,
    online                  INTEGER NOT NULL DEFAULT 0,
    online_counted          INTEGER NOT NULL DEFAULT 0,
    synced                  INTEGER NOT NULL DEFAULT 0,
    fee_due                 INTEGER NOT NULL DEFAULT 0,
    paid_online             INTEGER NOT NULL DEFAULT 0,
    document_result         INTEGER NOT NULL DEFAULT 0,
    e_result_synced         INTEGER NOT NULL DEFAULT 0,
    digitized               INTEGER NOT NULL DEFAULT 0,
    digitized_counted       INTEGER NOT NULL DEFAULT 0,
    reused                  INTEGER NOT NULL DEFAULT 0,
    personal_store          INTEGER NOT NULL DEFAULT 0,
    citizen_data            INTEGER NOT NULL DEFAULT 0,
    unsatisfied_or_feedback INTEGER NOT NULL DEFAULT 0,
    dissatisfied_month      INTEGER NOT NULL DEFAULT 0,
    dissatisfied_quarter    INTEGER NOT NULL DEFAULT 0,
    dissatisfied_year       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agency_code, procedure_code, day)
);
CREATE INDEX indicator_counters_day ON indicator_counters (day, agency_code);
