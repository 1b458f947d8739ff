-- 0014: the files uploaded to each dossier, with their sizes: what the storage quotas add up
-- (per dossier, per applicant) and what the orphan collection keeps. Filled from here on in the
-- transaction of the fact that links a file (attach, digitize, issue_e_result of an upload), and
-- now from the facts already recorded.
CREATE TABLE dossier_files (
    dossier_id  INTEGER NOT NULL REFERENCES dossiers (id),
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    linked_at   TEXT NOT NULL,
    PRIMARY KEY (dossier_id, sha256)
);
CREATE INDEX dossier_files_sha256 ON dossier_files (sha256);

INSERT INTO dossier_files (dossier_id, sha256, size, linked_at)
SELECT dossier_id, json_extract(payload, '$.file_sha256'), json_extract(payload, '$.size'), MIN(at)
FROM dossier_events
WHERE action IN ('attach', 'digitize', 'issue_e_result')
  AND json_valid(payload)
  AND json_type(payload, '$.file_sha256') = 'text'
  AND json_type(payload, '$.size') = 'integer'
GROUP BY dossier_id, json_extract(payload, '$.file_sha256');
