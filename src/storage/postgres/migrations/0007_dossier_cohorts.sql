-- 0007 (PostgreSQL): the competent agency as a column, so that an indicator's cohort (one
-- agency's dossiers received in a period) is found by an index in (received_at, id) order.
ALTER TABLE dossiers ADD COLUMN competent_agency TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE dossiers SET competent_agency = coalesce(doc::jsonb ->> 'competent_agency', '');
CREATE INDEX dossiers_cohort ON dossiers (competent_agency, received_at, id);
