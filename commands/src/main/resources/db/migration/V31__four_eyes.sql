-- Four eyes on money that leaves (domain.md §11, docs/remittances.md "Release").

-- Who issued each remittance: an approver of the run must be someone else. Rows issued before this migration get
-- the principal from their event's metadata (stored as JSON by the Jackson serializer).
ALTER TABLE remittance ADD COLUMN issued_by TEXT;
UPDATE remittance r SET issued_by = convert_from(e.metadata, 'UTF8')::jsonb ->> 'who'
  FROM domainevententry e WHERE e.eventidentifier = r.event_id;
UPDATE remittance SET issued_by = 'unknown' WHERE issued_by IS NULL;
ALTER TABLE remittance ALTER COLUMN issued_by SET NOT NULL;

-- A refund booked with PayRefund waits here for a supervisor's approval; batch_id is set when it is released.
CREATE TABLE refund_payout (
    refund_id    TEXT PRIMARY KEY,
    debtor_id    TEXT   NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    value_date   DATE   NOT NULL,
    account_ref  TEXT,             -- into the erasable register counterparty_account
    booked_by    TEXT   NOT NULL,
    batch_id     TEXT
);
CREATE INDEX refund_payout_waiting ON refund_payout (refund_id) WHERE batch_id IS NULL;

-- Every released payment file, with its bytes: a second download of the same release is the same file.
-- One release per approval fact; a run is released again only when its content changed (a new content_sha256).
CREATE TABLE payment_file_release (
    message_id       TEXT PRIMARY KEY,
    kind             TEXT        NOT NULL CHECK (kind IN ('REMITTANCE_RUN', 'REFUND_BATCH')),
    run_key          TEXT        NOT NULL,   -- the run's period end or the refund batch id
    content_sha256   TEXT        NOT NULL,   -- what was approved
    file_sha256      TEXT        NOT NULL,   -- of file_bytes
    released_by      TEXT        NOT NULL,   -- the approver
    released_at      TIMESTAMPTZ NOT NULL,
    approval_event_id TEXT       NOT NULL UNIQUE,
    file_bytes       BYTEA       NOT NULL,
    UNIQUE (kind, run_key, content_sha256)
);

-- A requested IBAN change of a participant and who requested it, until a second supervisor approves it.
CREATE TABLE participant_iban_change (
    participant_id TEXT PRIMARY KEY REFERENCES remittance_participant (participant_id),
    iban           TEXT NOT NULL,   -- a participant's account: not personal data
    requested_by   TEXT NOT NULL
);
