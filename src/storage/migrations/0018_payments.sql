-- 0018: fees and payments (docs/payments.md). A payment order is what a dossier is asked to pay
-- at one time, item by item (the amount due of docs/domain.md §9.1), under the reference a gateway
-- knows it by. The ledger (payments) holds every movement of money — a payment or a refund — as a
-- row that is never changed: at most one payment per order, and a gateway transaction is never
-- credited twice, whatever the callbacks do (the unique indexes are the last line of defence).
CREATE TABLE payment_orders (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    dossier_id      INTEGER NOT NULL,
    dossier_code    TEXT NOT NULL,
    agency          TEXT NOT NULL,
    amount          INTEGER NOT NULL,
    fees_amount     INTEGER NOT NULL,
    charges_amount  INTEGER NOT NULL,
    items           TEXT NOT NULL,
    status          TEXT NOT NULL,
    gateway         TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    paid_at         TEXT
);
CREATE INDEX payment_orders_by_dossier ON payment_orders (dossier_id, id);
CREATE INDEX payment_orders_by_status ON payment_orders (status, gateway, id);
CREATE TABLE payments (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER,
    dossier_id      INTEGER NOT NULL,
    dossier_code    TEXT NOT NULL,
    agency          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    amount          INTEGER NOT NULL,
    gateway_txn     TEXT,
    business_date   TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    reason          TEXT,
    refund_of       INTEGER
);
CREATE UNIQUE INDEX payments_once_per_order ON payments (order_id) WHERE kind = 'payment';
CREATE UNIQUE INDEX payments_once_per_transaction ON payments (channel, gateway_txn)
    WHERE kind = 'payment' AND gateway_txn IS NOT NULL;
CREATE UNIQUE INDEX payments_refunded_once ON payments (refund_of) WHERE kind = 'refund';
CREATE INDEX payments_by_day ON payments (agency, business_date, id);
CREATE INDEX payments_by_channel_day ON payments (channel, business_date, id);
CREATE INDEX payments_by_dossier ON payments (dossier_id, id);
