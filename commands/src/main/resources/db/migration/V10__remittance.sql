-- Remittances (domain.md §5), command side: written by nl.taxledger.service.remittance.RemittanceTables in the
-- subscribing processor 'command-lookups', i.e. in the same transaction as the events. IssueRemittance reads its
-- receipts snapshot from remittance_receipt, so a committed booking is always seen by the next remittance.

CREATE TABLE remittance_participant (
    participant_id TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    iban           TEXT NOT NULL,   -- a participant's account: not personal data
    registered_on  DATE NOT NULL
);

-- Policies by the first period end they apply to; the registration's policy starts at 1900-01-01.
CREATE TABLE remittance_policy (
    participant_id TEXT    NOT NULL REFERENCES remittance_participant (participant_id),
    effective_from DATE    NOT NULL,
    schedule       TEXT    NOT NULL CHECK (schedule IN ('WEEKLY', 'QUARTERLY')),
    reserve_rate   NUMERIC NOT NULL,
    reserve_years  INTEGER NOT NULL,
    PRIMARY KEY (participant_id, effective_from)
);

-- Whose tax a line is: allocations name only assessment and line.
CREATE TABLE remittance_line_dimension (
    assessment_id  TEXT    NOT NULL,
    line_id        TEXT    NOT NULL,
    participant_id TEXT    NOT NULL,
    tax_type       TEXT    NOT NULL,
    tax_year       INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, line_id)
);

-- Receipt movements: principal allocated to a participant's line (+) or taken back from it (−), by booking date.
-- (event_id, seq) makes a re-delivered event fail loudly instead of counting twice.
CREATE TABLE remittance_receipt (
    event_id       TEXT    NOT NULL,
    seq            INTEGER NOT NULL,
    participant_id TEXT    NOT NULL,
    tax_type       TEXT    NOT NULL,
    tax_year       INTEGER NOT NULL,
    booking_date   DATE    NOT NULL,
    amount_cents   BIGINT  NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('PAYMENT', 'SET_OFF', 'STORNO', 'REDUCTION')),
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX remittance_receipt_by_participant ON remittance_receipt (participant_id, booking_date);

-- The frozen figures of RemittanceIssued, for statements, pain.001, the weekly report and the position.
CREATE TABLE remittance (
    participant_id            TEXT   NOT NULL REFERENCES remittance_participant (participant_id),
    period_end                DATE   NOT NULL,
    period_start              DATE   NOT NULL,
    receipts_cents            BIGINT NOT NULL,
    reserve_withheld_cents    BIGINT NOT NULL,
    reserve_released_cents    BIGINT NOT NULL,
    carried_forward_in_cents  BIGINT NOT NULL,
    amount_cents              BIGINT NOT NULL CHECK (amount_cents >= 0),
    carried_forward_out_cents BIGINT NOT NULL CHECK (carried_forward_out_cents >= 0),
    booking_date              DATE   NOT NULL,
    event_id                  TEXT   NOT NULL UNIQUE,
    PRIMARY KEY (participant_id, period_end)
);
CREATE INDEX remittance_by_period_end ON remittance (period_end);

CREATE TABLE remittance_line (
    participant_id             TEXT    NOT NULL,
    period_end                 DATE    NOT NULL,
    tax_type                   TEXT    NOT NULL,
    tax_year                   INTEGER NOT NULL,
    receipts_cents             BIGINT  NOT NULL,
    reserve_held_before_cents  BIGINT  NOT NULL,
    reserve_held_after_cents   BIGINT  NOT NULL,
    reserve_withheld_cents     BIGINT  NOT NULL,
    reserve_released_cents     BIGINT  NOT NULL,
    PRIMARY KEY (participant_id, period_end, tax_type, tax_year),
    FOREIGN KEY (participant_id, period_end) REFERENCES remittance (participant_id, period_end)
);
