-- Direct debit (domain.md §10), command side: kept by the subscribing processor 'command-lookups' in the transaction
-- that appends the events, so PrepareDirectDebitRun reads exactly what is booked and a statement import settles a
-- collection of a run issued a moment ago. A ledger that existed before V41 starts with these tables empty: its
-- mandates, open amounts and runs are not backfilled (no run was possible before V41).

-- Mandates: when each starts (the first collection moment after its signature) and ends. The debtor's IBAN is in
-- the erasable register (counterparty_account), here only its reference.
CREATE TABLE dd_mandate (
    debtor_id    TEXT NOT NULL,
    mandate_id   TEXT NOT NULL,
    account_ref  TEXT,
    signed_date  DATE NOT NULL,
    starts_on    DATE NOT NULL,
    ended_on     DATE,
    end_reason   TEXT,
    explanation  TEXT,
    booking_date DATE NOT NULL,
    PRIMARY KEY (debtor_id, mandate_id)
);

-- The open amount (costs + interest + principal) of every assessment, added up from the amounts the facts carry;
-- the CHECK stops a wrong sum instead of collecting it.
CREATE TABLE dd_assessment (
    assessment_id TEXT PRIMARY KEY,
    debtor_id     TEXT   NOT NULL,
    issue_date    DATE   NOT NULL,
    due_date      DATE   NOT NULL,
    tax_year      INT    NOT NULL,
    open_cents    BIGINT NOT NULL CHECK (open_cents >= 0)
);
CREATE INDEX dd_assessment_debtor ON dd_assessment (debtor_id);

-- The runs issued, one per collection date, and their frozen transactions (DirectDebitRunIssued).
CREATE TABLE dd_run (
    collection_date DATE PRIMARY KEY,
    run_id          TEXT   NOT NULL UNIQUE,
    transactions    INT    NOT NULL,
    total_cents     BIGINT NOT NULL,
    booking_date    DATE   NOT NULL
);

-- Rule 1 of §9 looks a collection up by its EndToEndId.
CREATE TABLE dd_collection (
    end_to_end_id   TEXT PRIMARY KEY,
    collection_date DATE   NOT NULL REFERENCES dd_run (collection_date),
    position        INT    NOT NULL,
    debtor_id       TEXT   NOT NULL,
    mandate_id      TEXT   NOT NULL,
    assessment_id   TEXT   NOT NULL,
    amount_cents    BIGINT NOT NULL CHECK (amount_cents > 0),
    sequence_type   TEXT   NOT NULL,
    term_number     INT    NOT NULL,
    term_count      INT    NOT NULL,
    UNIQUE (collection_date, position)
);
CREATE INDEX dd_collection_mandate ON dd_collection (debtor_id, mandate_id);
CREATE INDEX dd_collection_assessment ON dd_collection (assessment_id);
