-- 0006 (PostgreSQL): the monthly report's counters (reporting/counters.hpp): channel, refusals at reception,
-- and how each received day's cohort stood at the end of its month, quarter and year (finished,
-- finished late, returned, withdrawn, stopped, still running and overdue). Rows written before
-- this migration hold zeros here: the server rebuilds every counter from the events when it
-- starts on a database migrated across this version (as `motcua indicators recompute` does).
ALTER TABLE indicator_counters ADD COLUMN received_desk BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN received_postal BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN refused BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_month BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_quarter BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_year BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_late_month BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_late_quarter BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_late_year BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN returned_month BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN returned_quarter BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN returned_year BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN withdrawn_month BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN withdrawn_quarter BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN withdrawn_year BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN stopped_month BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN stopped_quarter BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN stopped_year BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN running_overdue_month BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN running_overdue_quarter BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN running_overdue_year BIGINT NOT NULL DEFAULT 0;
