-- 0010: the inbox of a desk lists the dossiers it received that wait at a step of the officer's
-- role (the result to hand over, a supplement to take in). With only (receiving_agency, status),
-- that branch of the inbox query read every dossier the desk ever received to test its role —
-- 75,000 rows for one ward at 5M dossiers; with the role in the index it reads only the waiting
-- ones.
CREATE INDEX dossiers_receiving_role ON dossiers (receiving_agency, "current_role", due_at);
