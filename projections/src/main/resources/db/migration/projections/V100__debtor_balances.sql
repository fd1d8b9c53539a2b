-- Processing group debtor-balances: open amounts per debtor, as the events' allocations left them.
-- The CHECKs make the processor halt on a projection bug instead of showing impossible figures.

CREATE TABLE balance_debtor (
    debtor_id     TEXT PRIMARY KEY,
    -- negative when a storno took more than the debtor's credit (owed before any assessment)
    credit_cents  BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE balance_assessment (
    assessment_id      TEXT PRIMARY KEY,
    debtor_id          TEXT NOT NULL REFERENCES balance_debtor (debtor_id),
    issue_date         DATE NOT NULL,
    due_date           DATE,
    payment_reference  TEXT NOT NULL
);
CREATE INDEX balance_assessment_debtor_idx ON balance_assessment (debtor_id);

-- line_id is only unique within its assessment
CREATE TABLE balance_line (
    assessment_id   TEXT NOT NULL REFERENCES balance_assessment (assessment_id),
    line_id         TEXT NOT NULL,
    participant_id  TEXT NOT NULL,
    tax_type        TEXT NOT NULL,
    tax_year        INT NOT NULL,
    imposed_cents   BIGINT NOT NULL,
    open_cents      BIGINT NOT NULL CHECK (open_cents >= 0),
    PRIMARY KEY (assessment_id, line_id)
);

CREATE TABLE balance_cost_item (
    assessment_id  TEXT NOT NULL REFERENCES balance_assessment (assessment_id),
    cost_id        TEXT NOT NULL,
    kind           TEXT NOT NULL,
    charge_date    DATE NOT NULL,
    charged_cents  BIGINT NOT NULL,
    open_cents     BIGINT NOT NULL CHECK (open_cents >= 0),
    PRIMARY KEY (assessment_id, cost_id)
);

CREATE TABLE balance_interest_item (
    assessment_id  TEXT NOT NULL REFERENCES balance_assessment (assessment_id),
    interest_id    TEXT NOT NULL,
    charge_date    DATE NOT NULL,
    charged_cents  BIGINT NOT NULL,
    open_cents     BIGINT NOT NULL CHECK (open_cents >= 0),
    PRIMARY KEY (assessment_id, interest_id)
);

CREATE TABLE balance_payment (
    payment_id    TEXT PRIMARY KEY,
    debtor_id     TEXT NOT NULL REFERENCES balance_debtor (debtor_id),
    amount_cents  BIGINT NOT NULL,
    value_date    DATE NOT NULL,
    booking_date  DATE NOT NULL,
    channel       TEXT,
    reference     TEXT,
    reversed      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX balance_payment_debtor_idx ON balance_payment (debtor_id);
