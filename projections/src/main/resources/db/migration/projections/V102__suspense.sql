-- Processing group suspense: payments that matched no debtor (tussenrekening).
CREATE TABLE suspense_item (
    payment_id         TEXT PRIMARY KEY,
    amount_cents       BIGINT NOT NULL CHECK (amount_cents > 0),
    value_date         DATE NOT NULL,
    booking_date       DATE NOT NULL,
    reference          TEXT,
    channel            TEXT,
    -- OPEN, ASSIGNED or REVERSED; closed items stay for the audit trail
    status             TEXT NOT NULL,
    closed_to_debtor   TEXT,
    closed_on          DATE
);
CREATE INDEX suspense_item_open_idx ON suspense_item (status) WHERE status = 'OPEN';
