-- Bank statements in (domain.md §9): the collector's accounts, the statements recorded per account, and one row per
-- booked credit transaction. Command side: written in the transaction that appends the events they belong to.

-- Kept by the subscribing processor 'command-lookups' from BankAccountRegistered.
CREATE TABLE bank_account (
    iban          TEXT PRIMARY KEY,
    purpose       TEXT NOT NULL,
    name          TEXT,
    booking_date  DATE NOT NULL
);

-- Kept by 'command-lookups' from BankStatementRecorded: which statements were imported, and the latest closing balance.
CREATE TABLE bank_statement (
    iban                   TEXT   NOT NULL REFERENCES bank_account (iban),
    statement_id           TEXT   NOT NULL,
    statement_date         DATE   NOT NULL,
    electronic_sequence    BIGINT,
    opening_cents          BIGINT NOT NULL,
    closing_cents          BIGINT NOT NULL,
    previous_closing_cents BIGINT,
    gap_reason             TEXT,
    booking_date           DATE   NOT NULL,
    PRIMARY KEY (iban, statement_id)
);

-- One row per booked credit transaction, keyed as §9 says (IBAN + AcctSvcrRef + index, or statement id + entry
-- position + index): the idempotency of an import, the answer to a re-import, and the clerk's suspense worklist.
-- bank_text is the bank's own remittance text; the counterparty's IBAN and name are in counterparty_account.
CREATE TABLE bank_transaction (
    transaction_key  TEXT PRIMARY KEY,
    iban             TEXT   NOT NULL REFERENCES bank_account (iban),
    statement_id     TEXT   NOT NULL,
    payment_id       TEXT   NOT NULL,
    amount_cents     BIGINT NOT NULL CHECK (amount_cents > 0),
    value_date       DATE   NOT NULL,
    matched_by       TEXT   NOT NULL,
    suspense_reason  TEXT,
    debtor_id        TEXT,
    assessment_id    TEXT,
    bank_text        TEXT,
    end_to_end_id    TEXT,
    counterparty_ref TEXT REFERENCES counterparty_account (account_ref),
    booking_date     DATE   NOT NULL,
    booked_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX bank_transaction_payment ON bank_transaction (payment_id);

-- Which debtor an account reference (so an IBAN) belongs to: rule 5 of §9. From payments (assigned from suspense and
-- reversed ones included), mandates and refunds; kept by 'command-lookups'.
CREATE TABLE lookup_account_holder (
    account_ref TEXT NOT NULL REFERENCES counterparty_account (account_ref),
    debtor_id   TEXT NOT NULL,
    PRIMARY KEY (account_ref, debtor_id)
);

-- The counterparty's name from the bank file is personal data like the IBAN: erasable with it.
ALTER TABLE counterparty_account ADD COLUMN holder_name TEXT;
CREATE INDEX counterparty_account_iban ON counterparty_account (iban);

-- Rules 3 and 4 compare tokens case-insensitively.
CREATE INDEX lookup_assessment_reference_upper ON lookup_assessment (upper(payment_reference));
CREATE INDEX lookup_debtor_upper ON lookup_debtor (upper(debtor_id));
