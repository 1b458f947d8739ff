-- 0009: the overdue job's candidates as a partial index: the dossiers whose clock runs and that
-- are not marked overdue yet, in the (due_at, code) order the job pages in. Without it, each
-- page of the job read every running dossier's row to test overdue_at and sorted them (minutes
-- at 5M dossiers); the index holds only the few candidates.
CREATE INDEX dossiers_overdue_candidates ON dossiers (due_at, code)
    WHERE overdue_at IS NULL AND status IN (2, 4, 6);
