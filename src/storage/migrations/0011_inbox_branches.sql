-- 0011: an officer's inbox is read as one branch per (agency, role) — the dossiers whose current
-- step is at the agency, and those the agency received (to hand over the result, take in a
-- supplement) — each in due order straight from one of these indexes and cut at the page size
-- (SqliteDossierStore::List). Before, every waiting dossier of the desk was sorted for each page:
-- a desk with 100,000 waiting paid about 0.2 s per page. The rowid (id) ends every index, so
-- (due key, id) is the index order. The receiving index replaces 0010's.
CREATE INDEX dossiers_inbox_current ON dossiers (current_agency, current_role, coalesce(due_at, '9999'));
CREATE INDEX dossiers_inbox_receiving ON dossiers (receiving_agency, current_role, coalesce(due_at, '9999'));
DROP INDEX dossiers_receiving_role;
