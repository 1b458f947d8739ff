-- 0005 (PostgreSQL): indicator counters (reporting/counters.hpp) per agency × procedure × received day,
-- updated in the same transaction as the dossier events that change them; any period, agency
-- subtree or procedure set is a sum of rows. `motcua indicators recompute` rebuilds the table.
CREATE TABLE indicator_counters (
    agency_code             TEXT COLLATE "C" NOT NULL,
    procedure_code          TEXT COLLATE "C" NOT NULL,
    day                     TEXT COLLATE "C" NOT NULL,   -- YYYY-MM-DD, local (UTC+7) received day
    received                BIGINT NOT NULL DEFAULT 0,
    overdue_month           BIGINT NOT NULL DEFAULT 0,
    overdue_quarter         BIGINT NOT NULL DEFAULT 0,
    overdue_year            BIGINT NOT NULL DEFAULT 0,
    online                  BIGINT NOT NULL DEFAULT 0,
    online_counted          BIGINT NOT NULL DEFAULT 0,
    synced                  BIGINT NOT NULL DEFAULT 0,
    fee_due                 BIGINT NOT NULL DEFAULT 0,
    paid_online             BIGINT NOT NULL DEFAULT 0,
    document_result         BIGINT NOT NULL DEFAULT 0,
    e_result_synced         BIGINT NOT NULL DEFAULT 0,
    digitized               BIGINT NOT NULL DEFAULT 0,
    digitized_counted       BIGINT NOT NULL DEFAULT 0,
    reused                  BIGINT NOT NULL DEFAULT 0,
    personal_store          BIGINT NOT NULL DEFAULT 0,
    citizen_data            BIGINT NOT NULL DEFAULT 0,
    unsatisfied_or_feedback BIGINT NOT NULL DEFAULT 0,
    dissatisfied_month      BIGINT NOT NULL DEFAULT 0,
    dissatisfied_quarter    BIGINT NOT NULL DEFAULT 0,
    dissatisfied_year       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (agency_code, procedure_code, day)
);
CREATE INDEX indicator_counters_day ON indicator_counters (day, agency_code);
