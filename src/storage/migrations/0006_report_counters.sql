-- 0006: the monthly report's counters (reporting/counters.hpp): channel, refusals at reception,
-- and how each received day's cohort stood at the end of its month, quarter and year (finished,
-- finished late, returned, withdrawn, stopped, still running and overdue). Rows written before
-- this migration hold zeros here: the server rebuilds every counter from the events when it
-- starts on a database migrated across this version (as `motcua indicators recompute` does).
ALTER TABLE indicator_counters ADD COLUMN received_desk INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN received_postal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_quarter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_late_month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_late_quarter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN finished_late_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN returned_month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN returned_quarter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN returned_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN withdrawn_month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN withdrawn_quarter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN withdrawn_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN stopped_month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN stopped_quarter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN stopped_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN running_overdue_month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN running_overdue_quarter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_counters ADD COLUMN running_overdue_year INTEGER NOT NULL DEFAULT 0;
