-- Processing group debtor-history: every fact about a debtor, with its metadata.
CREATE TABLE history_fact (
    -- the event's global position in the store; orders a debtor's history
    global_position  BIGINT PRIMARY KEY,
    event_id         TEXT NOT NULL UNIQUE,
    debtor_id        TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    effective_date   DATE,
    booking_date     DATE,
    recorded_at      TIMESTAMPTZ NOT NULL,
    who              TEXT,
    why              TEXT,
    source           TEXT,
    command_id       TEXT,
    payload          JSONB NOT NULL
);
CREATE INDEX history_fact_debtor_idx ON history_fact (debtor_id, global_position);
