-- Processing group reconciliation (domain.md §6).
-- Append-only movements instead of updated cell rows: every debtor's events touch the same few
-- cells, so in-place increments from parallel segments would serialise on row locks (and could
-- deadlock); movements also carry effective and booking date, so a cell can be read "as of D,
-- known at K".

-- Own copy of the line dimension, so this group does not depend on another group's progress.
CREATE TABLE reconciliation_line (
    assessment_id   TEXT NOT NULL,
    line_id         TEXT NOT NULL,
    participant_id  TEXT NOT NULL,
    tax_type        TEXT NOT NULL,
    tax_year        INT NOT NULL,
    PRIMARY KEY (assessment_id, line_id)
);

CREATE TABLE reconciliation_movement (
    event_id        TEXT NOT NULL,
    seq             INT NOT NULL,
    participant_id  TEXT NOT NULL,
    tax_type        TEXT NOT NULL,
    tax_year        INT NOT NULL,
    -- IMPOSED, VERMINDERING, ONTHEFFING, VERNIETIGING, REMISSION, UNCOLLECTIBLE, RECEIVED
    measure         TEXT NOT NULL,
    -- signed: a reinstatement is negative UNCOLLECTIBLE, a take-back negative RECEIVED
    amount_cents    BIGINT NOT NULL,
    effective_date  DATE NOT NULL,
    booking_date    DATE NOT NULL,
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX reconciliation_movement_cell_idx
    ON reconciliation_movement (participant_id, tax_type, tax_year);
