-- R-transactions and mandate ends (domain.md §10). Command side, kept in the transaction that appends the events.

-- A returned collection is found by the EndToEndId its settlement carried (rule 1 of §9).
CREATE INDEX bank_transaction_end_to_end ON bank_transaction (end_to_end_id) WHERE end_to_end_id IS NOT NULL;

-- Kept by 'command-lookups' from DirectDebitCollectionFailed (those naming their transaction): one EndToEndId fails
-- at most once, so a second report of it is answered "already failed" without a command.
CREATE TABLE direct_debit_failure (
    end_to_end_id   TEXT PRIMARY KEY,
    debtor_id       TEXT NOT NULL,
    mandate_id      TEXT NOT NULL,
    collection_date DATE NOT NULL,
    reason_code     TEXT NOT NULL,
    booking_date    DATE NOT NULL
);

-- Kept by 'command-lookups' from PaymentReversed: a collection payment reversed by hand is not reversed again.
CREATE TABLE lookup_reversed_payment (
    payment_id   TEXT PRIMARY KEY,
    reason_code  TEXT NOT NULL,
    value_date   DATE NOT NULL
);

-- One row per debit transaction booked as a return of our collection, keyed like bank_transaction (§9): the same
-- debit on a camt.054 and again on the camt.053 is booked once.
CREATE TABLE bank_return (
    transaction_key     TEXT PRIMARY KEY,
    iban                TEXT   NOT NULL REFERENCES bank_account (iban),
    statement_id        TEXT   NOT NULL,
    line_id             TEXT   NOT NULL,
    end_to_end_id       TEXT   NOT NULL,
    reversed_payment_id TEXT   NOT NULL,
    reason_code         TEXT   NOT NULL,
    amount_cents        BIGINT NOT NULL CHECK (amount_cents > 0),
    value_date          DATE   NOT NULL,
    booking_date        DATE   NOT NULL,
    booked_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX bank_return_end_to_end ON bank_return (end_to_end_id);
