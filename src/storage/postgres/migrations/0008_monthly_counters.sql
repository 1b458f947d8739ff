-- 0008 (PostgreSQL): the counters summed per received month (YYYY-MM), kept beside the daily rows in the same
-- transaction. Every reporting period is whole months, so a month's dashboard reads one row per
-- agency and procedure instead of one per day (the period-end judgements of a day's cell are
-- those of its month, quarter and year, so they add up unchanged). The daily rows stay the
-- source of truth for a recompute and for arbitrary day ranges.
CREATE TABLE indicator_counters_month (
    month                   TEXT COLLATE "C" NOT NULL,   -- YYYY-MM, local (UTC+7) received month
    agency_code             TEXT COLLATE "C" NOT NULL,
    procedure_code          TEXT COLLATE "C" NOT NULL,
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
    received_desk           BIGINT NOT NULL DEFAULT 0,
    received_postal         BIGINT NOT NULL DEFAULT 0,
    refused                 BIGINT NOT NULL DEFAULT 0,
    finished_month          BIGINT NOT NULL DEFAULT 0,
    finished_quarter        BIGINT NOT NULL DEFAULT 0,
    finished_year           BIGINT NOT NULL DEFAULT 0,
    finished_late_month     BIGINT NOT NULL DEFAULT 0,
    finished_late_quarter   BIGINT NOT NULL DEFAULT 0,
    finished_late_year      BIGINT NOT NULL DEFAULT 0,
    returned_month          BIGINT NOT NULL DEFAULT 0,
    returned_quarter        BIGINT NOT NULL DEFAULT 0,
    returned_year           BIGINT NOT NULL DEFAULT 0,
    withdrawn_month         BIGINT NOT NULL DEFAULT 0,
    withdrawn_quarter       BIGINT NOT NULL DEFAULT 0,
    withdrawn_year          BIGINT NOT NULL DEFAULT 0,
    stopped_month           BIGINT NOT NULL DEFAULT 0,
    stopped_quarter         BIGINT NOT NULL DEFAULT 0,
    stopped_year            BIGINT NOT NULL DEFAULT 0,
    running_overdue_month   BIGINT NOT NULL DEFAULT 0,
    running_overdue_quarter BIGINT NOT NULL DEFAULT 0,
    running_overdue_year    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (month, agency_code, procedure_code)
);
INSERT INTO indicator_counters_month (month, agency_code, procedure_code, received, overdue_month, overdue_quarter, overdue_year, online, online_counted, synced, fee_due, paid_online, document_result, e_result_synced, digitized, digitized_counted, reused, personal_store, citizen_data, unsatisfied_or_feedback, dissatisfied_month, dissatisfied_quarter, dissatisfied_year, received_desk, received_postal, refused, finished_month, finished_quarter, finished_year, finished_late_month, finished_late_quarter, finished_late_year, returned_month, returned_quarter, returned_year, withdrawn_month, withdrawn_quarter, withdrawn_year, stopped_month, stopped_quarter, stopped_year, running_overdue_month, running_overdue_quarter, running_overdue_year)
SELECT substr(day, 1, 7), agency_code, procedure_code, sum(received), sum(overdue_month), sum(overdue_quarter), sum(overdue_year), sum(online), sum(online_counted), sum(synced), sum(fee_due), sum(paid_online), sum(document_result), sum(e_result_synced), sum(digitized), sum(digitized_counted), sum(reused), sum(personal_store), sum(citizen_data), sum(unsatisfied_or_feedback), sum(dissatisfied_month), sum(dissatisfied_quarter), sum(dissatisfied_year), sum(received_desk), sum(received_postal), sum(refused), sum(finished_month), sum(finished_quarter), sum(finished_year), sum(finished_late_month), sum(finished_late_quarter), sum(finished_late_year), sum(returned_month), sum(returned_quarter), sum(returned_year), sum(withdrawn_month), sum(withdrawn_quarter), sum(withdrawn_year), sum(stopped_month), sum(stopped_quarter), sum(stopped_year), sum(running_overdue_month), sum(running_overdue_quarter), sum(running_overdue_year)
FROM indicator_counters GROUP BY substr(day, 1, 7), agency_code, procedure_code;
