-- 0019: the cashier's daily closing (chốt sổ thu, docs/payments.md §5). One row per agency and
-- business day: the day's book as it stood when closed (its newest ledger row, the count and the
-- totals) and the cash the cashier counted. Never changed; rows recorded after it show as such.
CREATE TABLE payment_closings (
    id              INTEGER PRIMARY KEY,
    agency          TEXT NOT NULL,
    business_date   TEXT NOT NULL,
    closed_at       TEXT NOT NULL,
    closed_by       TEXT NOT NULL,
    last_entry_id   INTEGER NOT NULL,
    entries         INTEGER NOT NULL,
    payments        INTEGER NOT NULL,
    refunds         INTEGER NOT NULL,
    cash_expected   INTEGER NOT NULL,
    cash_counted    INTEGER NOT NULL,
    note            TEXT,
    UNIQUE (agency, business_date)
);
