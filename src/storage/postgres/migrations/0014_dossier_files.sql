-- 0014 (PostgreSQL): the files uploaded to each dossier, with their sizes: what the storage
-- quotas add up (per dossier, per applicant) and what the orphan collection keeps. Filled from
-- here on in the transaction of the fact that links a file (attach, digitize, issue_e_result of
-- an upload), and now from the facts already recorded.
CREATE TABLE dossier_files (
    dossier_id  BIGINT NOT NULL REFERENCES dossiers (id),
    sha256      TEXT COLLATE "C" NOT NULL,
    size        BIGINT NOT NULL,
    linked_at   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (dossier_id, sha256)
);
CREATE INDEX dossier_files_sha256 ON dossier_files (sha256);

INSERT INTO dossier_files (dossier_id, sha256, size, linked_at)
SELECT dossier_id, payload::jsonb ->> 'file_sha256', MAX((payload::jsonb ->> 'size')::bigint),
       MIN(at)
FROM dossier_events
WHERE action IN ('attach', 'digitize', 'issue_e_result')
  AND jsonb_typeof(payload::jsonb -> 'file_sha256') = 'string'
  AND jsonb_typeof(payload::jsonb -> 'size') = 'number'
GROUP BY dossier_id, payload::jsonb ->> 'file_sha256';
