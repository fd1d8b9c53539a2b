-- Command side: idempotency log and the lookup tables commands are routed with.
-- All written in the same transaction as the events they belong to.

-- Formance-style idempotency: the commandId, a hash of the request and the first result,
-- stored with the effect. A re-send with the same hash returns the result; another hash is a conflict.
CREATE TABLE command_log (
    command_id     TEXT PRIMARY KEY,
    command_type   TEXT        NOT NULL,
    request_sha256 TEXT        NOT NULL,
    result_type    TEXT,
    result         JSONB       NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE lookup_participant (
    participant_id TEXT PRIMARY KEY
);

CREATE TABLE lookup_debtor (
    debtor_id TEXT PRIMARY KEY
);

CREATE TABLE lookup_assessment (
    assessment_id     TEXT PRIMARY KEY,
    debtor_id         TEXT NOT NULL REFERENCES lookup_debtor (debtor_id),
    payment_reference TEXT NOT NULL,
    CONSTRAINT lookup_assessment_reference_unique UNIQUE (payment_reference)
);

-- debtor_id NULL: the payment waits in suspense.
CREATE TABLE lookup_payment (
    payment_id TEXT PRIMARY KEY,
    debtor_id  TEXT REFERENCES lookup_debtor (debtor_id)
);

-- The erasable register of bank accounts of debtors (AVG): events hold only account_ref.
CREATE TABLE counterparty_account (
    account_ref TEXT PRIMARY KEY,
    iban        TEXT,
    erased_at   TIMESTAMPTZ
);
