-- The bank reconciliation and payouts executed (domain.md §9). Command side: written in the transaction of the
-- import or the release they belong to.

-- Every booked transaction of every statement and notification as the bank reported it, once per statement: the
-- statement side of the reconciliation. amount_cents is signed (debit negative). reconcile_key pairs it with the
-- ledger's bank line: payment:<paymentId> (a credit), payout:<EndToEndId> (a debit that executed our payout) or
-- debit:<transaction key> (any other debit: unreconciled). outcome is the import's answer for it.
CREATE TABLE bank_statement_line (
    iban            TEXT   NOT NULL REFERENCES bank_account (iban),
    statement_id    TEXT   NOT NULL,
    transaction_key TEXT   NOT NULL,
    payment_id      TEXT   NOT NULL,
    amount_cents    BIGINT NOT NULL CHECK (amount_cents <> 0),
    value_date      DATE   NOT NULL,
    reconcile_key   TEXT   NOT NULL,
    outcome         TEXT   NOT NULL,
    end_to_end_id   TEXT,
    bank_text       TEXT,
    PRIMARY KEY (iban, statement_id, transaction_key)
);

-- The credit transfers of every released pain.001 (remittance runs, refund batches), read back from the file as
-- released: what a statement debit's EndToEndId is looked up in. A run released again under a new message id has the
-- same EndToEndIds; the latest release counts.
CREATE TABLE payout_transfer (
    end_to_end_id TEXT   NOT NULL,
    message_id    TEXT   NOT NULL,
    kind          TEXT   NOT NULL,
    amount_cents  BIGINT NOT NULL CHECK (amount_cents > 0),
    released_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (end_to_end_id, message_id)
);

-- Kept by 'command-lookups' from PayoutExecuted: which statement transaction executed which payout.
CREATE TABLE payout_execution (
    end_to_end_id TEXT PRIMARY KEY,
    iban          TEXT   NOT NULL REFERENCES bank_account (iban),
    kind          TEXT   NOT NULL,
    payment_id    TEXT   NOT NULL,
    statement_id  TEXT,
    amount_cents  BIGINT NOT NULL,
    value_date    DATE   NOT NULL
);
