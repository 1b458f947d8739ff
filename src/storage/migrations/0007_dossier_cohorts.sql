-- 0007: the competent agency as a column, so that the dossiers counted in an indicator (its
-- cohort: one agency's dossiers received in a period) are found by an index — the drill-down
-- behind every figure reads them agency by agency in (received_at, id) order.
ALTER TABLE dossiers ADD COLUMN competent_agency TEXT NOT NULL DEFAULT '';
UPDATE dossiers SET competent_agency = coalesce(json_extract(doc, '$.competent_agency'), '');
CREATE INDEX dossiers_cohort ON dossiers (competent_agency, received_at, id);
